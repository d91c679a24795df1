# syntax=docker/dockerfile:1
# DeepHEM-J container image: the documented way to run DeepHEM-J on a GPU host (README, "GPU hosts
# and Docker"). ND4J 1.0.0-M2.1's only CUDA backend is nd4j-cuda-11.6 (CUDA 11.6), so the GPU image
# starts from the CUDA 11.6 / cuDNN 8 runtime and its jar is built with -Pcuda. BACKEND=cpu builds
# the default CPU jar on a plain JRE image instead. The jar is built inside the image with the
# README's Maven command, so the host needs neither Java nor Maven.
#
#   docker build -t deephem-j:gpu .                                  GPU (the default)
#   docker build -t deephem-j:cpu --build-arg BACKEND=cpu .          CPU
#   (add --build-arg GIT_COMMIT="$(git rev-parse HEAD)": .git is not sent, so models would record
#    the commit as "unknown")
#
#   mkdir -p model-zoo notebooks-equivalent-reports
#   docker run --rm --gpus all --user "$(id -u):$(id -g)" \
#       -v "$PWD/data:/work/data" -v "$PWD/model-zoo:/work/model-zoo" \
#       -v "$PWD/notebooks-equivalent-reports:/work/notebooks-equivalent-reports" \
#       deephem-j:gpu train --data /work/data --name demo

# gpu or cpu; picks the Maven profile and the runtime stage below
ARG BACKEND=gpu

FROM maven:3.9-eclipse-temurin-17 AS build
ARG BACKEND
ARG GIT_COMMIT=unknown
WORKDIR /src
COPY pom.xml ./
COPY src ./src
# The README's quick-start build, plus -Pcuda for the GPU image. BuildInfo takes the commit from
# DEEPHEM_GIT_COMMIT because this context has no .git folder. The cache mount keeps Maven's
# downloads (ND4J CUDA is ~600 MB) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    case "$BACKEND" in \
      gpu) profile="-Pcuda" ;; \
      cpu) profile="" ;; \
      *) echo "BACKEND must be gpu or cpu, not '$BACKEND'" >&2; exit 2 ;; \
    esac \
 && DEEPHEM_GIT_COMMIT="$GIT_COMMIT" mvn -q -DskipTests package $profile

# GPU runtime: the CUDA 11.6 libraries nd4j-cuda-11.6 links against, a Java 17 runtime, and fonts
# for the headless plots. The NVIDIA driver comes from the host (docker run --gpus all).
FROM nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04 AS runtime-gpu
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

# CPU runtime: a plain Java 17 runtime. One ND4J thread, set in the environment (README,
# "Performance": about 20 % faster than the in-code default).
FROM eclipse-temurin:17-jre-jammy AS runtime-cpu
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV OMP_NUM_THREADS=1

FROM runtime-${BACKEND}
COPY --from=build /src/target/deephem.jar /app/deephem.jar
# Runs as a non-root user; `docker run --user "$(id -u):$(id -g)"` runs as the host user instead, so
# that outputs on the mounted folders belong to that user. Either way HOME (where JavaCPP unpacks
# ND4J's native libraries) and the output folders are writable.
RUN useradd --uid 10001 --create-home --home-dir /home/deephem --shell /usr/sbin/nologin deephem \
 && mkdir -p /home/deephem/.javacpp /work/data /work/model-zoo /work/notebooks-equivalent-reports \
 && chmod 1777 /home/deephem /home/deephem/.javacpp /work /work/model-zoo /work/notebooks-equivalent-reports
ENV HOME=/home/deephem
USER deephem
WORKDIR /work
VOLUME ["/work/data", "/work/model-zoo", "/work/notebooks-equivalent-reports"]
ENTRYPOINT ["java", "-jar", "/app/deephem.jar"]
CMD ["--help"]
