# DeepHEM-J container image, first version.
# ND4J 1.0.0-M2.1's only CUDA backend is nd4j-cuda-11.6 (CUDA 11.6 / cuDNN 8), so the image starts
# from that runtime. This version ships the CPU jar (mvn package); the CUDA build profile and its
# checks come with the GPU issue, after which the same image runs `docker run --gpus all ...`.
#
#   mvn -q -DskipTests package
#   docker build -t deephem-j .
#   docker run --rm -v "$PWD/data:/work/data" deephem-j train --data /work/data --zoo /work/model-zoo
FROM nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04

RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*

ENV OMP_NUM_THREADS=1
WORKDIR /work
COPY target/deephem.jar /opt/deephem/deephem.jar
ENTRYPOINT ["java", "-jar", "/opt/deephem/deephem.jar"]
CMD ["--help"]
