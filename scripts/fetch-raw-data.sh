#!/usr/bin/env bash
# fetch-raw-data.sh — download the public raw sources of DeepHEM-J and check every byte.
#
# Usage (from the repository root):
#   scripts/fetch-raw-data.sh [DEST]            download into DEST (default raw/), then
#                                               java -jar target/deephem.jar build-dataset --raw DEST --out build/dataset
#   scripts/fetch-raw-data.sh --verify-only DIR check DIR against the checksum list; downloads nothing
#   scripts/fetch-raw-data.sh --list            every file with its URL, or the file it is decoded from
#   scripts/fetch-raw-data.sh --r-command [DIR] the one-line R command that decodes the derived tables
#   --checksums FILE                            another checksum list (default: raw-data.sha256 beside
#                                               this script, in `sha256sum` format)
#
# What it does: every source file is downloaded from its public GitHub repository at a pinned
# commit (https://raw.githubusercontent.com/OWNER/REPO/COMMIT/PATH) to a temporary name beside
# its final place, its SHA-256 is checked against the checksum list, and only then is it renamed;
# a file already in DEST with the right checksum is kept. Nine tables are not in any repository:
# they are decoded from R data files that are (NoRCE's targets_*.rda → the two TargetScan .tsv;
# miRBaseConverter's R/sysdata.rda, table miRNA_data$v22 → the seven mirbaseconverter_v22 tables).
# With Rscript (base R, no packages) the script decodes them into a temporary folder, checks them
# and renames them into DEST. Without Rscript it prints the one-line R command and stops.
# DEST ends up with the same 31 files as shared/data/raw, whose PROVENANCE.md (in no repository,
# so not fetched) tells the origin and checks of each. RSCRIPT=/path/to/Rscript picks another R.
#
# Needs: bash, curl or wget, sha256sum (or shasum), and optionally Rscript (base R, no packages;
# checked with R 4.2.2).
# Exit: 0 every file present and verified; 1 an error (a download failed, a checksum differs, a
# file is missing, a bad argument); 3 the downloads are verified but Rscript is missing, so the
# derived tables are not made (the R command to make them is printed).
set -euo pipefail

me="fetch-raw-data"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checksums="$here/raw-data.sha256"
RSCRIPT="${RSCRIPT:-Rscript}"

fail() { echo "$me: FAILED: $*" >&2; exit 1; }

# Downloaded files: local path | GitHub owner/repo | commit | path in that repository.
# Every commit and path was checked against a stored snapshot of the repository: the file at
# that commit has the SHA-256 in raw-data.sha256 (see the README, "Where the raw files come from").
SOURCES='xgem/dataset/dataset2/sample/P.fasta|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|dataset/dataset2/sample/P.fasta
xgem/dataset/dataset2/sample/N.fasta|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|dataset/dataset2/sample/N.fasta
xgem/dataset/dataset1/sample/P_77.fasta|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|dataset/dataset1/sample/P_77.fasta
xgem/dataset/dataset1/sample/N_77.fasta|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|dataset/dataset1/sample/N_77.fasta
xgem/dataset/dataset3/sample/remove_experiment_data_1061.fasta|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|dataset/dataset3/sample/remove_experiment_data_1061.fasta
xgem/prediction/result.csv|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|prediction/result.csv
xgem/supplement/TableS8.xlsx|minhui803/XGEM|3379bdd3a40c847ee5d9d04247aa9ede6b31644e|supplement/TableS8.xlsx
minimda_hmdd/HMDD v3.2/known miRNA-disease association.txt|chengxu123/MINIMDA|cb554f102011200b0f6186ea951e3f044cd8a7a9|data/HMDD v3.2/known miRNA-disease association.txt
minimda_hmdd/HMDD v3.2/miRNA number.txt|chengxu123/MINIMDA|cb554f102011200b0f6186ea951e3f044cd8a7a9|data/HMDD v3.2/miRNA number.txt
minimda_hmdd/HMDD v3.2/disease number.txt|chengxu123/MINIMDA|cb554f102011200b0f6186ea951e3f044cd8a7a9|data/HMDD v3.2/disease number.txt
minimda_hmdd/HMDD v2.0/known disease-miRNA association number.txt|chengxu123/MINIMDA|cb554f102011200b0f6186ea951e3f044cd8a7a9|data/HMDD v2.0/known disease-miRNA association number.txt
minimda_hmdd/HMDD v2.0/miRNA number.txt|chengxu123/MINIMDA|cb554f102011200b0f6186ea951e3f044cd8a7a9|data/HMDD v2.0/miRNA number.txt
minimda_hmdd/HMDD v2.0/disease number.txt|chengxu123/MINIMDA|cb554f102011200b0f6186ea951e3f044cd8a7a9|data/HMDD v2.0/disease number.txt
mirbaseconverter_v22/sysdata.rda|taoshengxu/miRBaseConverter|78153c95bd3547ac1e115e43a240371dc7b3adcd|R/sysdata.rda
mirbase_r18/hairpin.fa|riverlee/miRNA-SNP|07ef5a5d5baa2687861038f685bf13116498fa86|hairpin.fa
mirbase_r18/mature.fa|riverlee/miRNA-SNP|07ef5a5d5baa2687861038f685bf13116498fa86|mature.fa
mirbase_r18/miFam.dat|riverlee/miRNA-SNP|07ef5a5d5baa2687861038f685bf13116498fa86|miFam.dat
mirbase_r18/hsa.gff|riverlee/miRNA-SNP|07ef5a5d5baa2687861038f685bf13116498fa86|hsa.gff
mirbase_r18/human_pre-miRNA_to_miRNA.txt|riverlee/miRNA-SNP|07ef5a5d5baa2687861038f685bf13116498fa86|human_pre-miRNA_to_miRNA.txt
targetscan/miR_Family_Info.txt|LucaMarconato/mirna_target_prediction|f544140d49ce9f167c8fa902ac211fa9a573b3cc|data/miR_Family_Info.txt
norce_targetscan/targets_human.rda|guldenolgun/NoRCE|955f280364157fc75fc5e22d0007d872974f37f0|data/targets_human.rda
norce_targetscan/targets_mouse.rda|guldenolgun/NoRCE|955f280364157fc75fc5e22d0007d872974f37f0|data/targets_mouse.rda'

# Derived files: local path | the downloaded file it is decoded from (by R_CODE below).
DERIVED='norce_targetscan/targets_human.tsv|norce_targetscan/targets_human.rda
norce_targetscan/targets_mouse.tsv|norce_targetscan/targets_mouse.rda
mirbaseconverter_v22/hairpin_hsa.fa|mirbaseconverter_v22/sysdata.rda
mirbaseconverter_v22/hairpin_mmu.fa|mirbaseconverter_v22/sysdata.rda
mirbaseconverter_v22/mature_hsa.fa|mirbaseconverter_v22/sysdata.rda
mirbaseconverter_v22/mature_mmu.fa|mirbaseconverter_v22/sysdata.rda
mirbaseconverter_v22/mature_v22_all_species.fa|mirbaseconverter_v22/sysdata.rda
mirbaseconverter_v22/precursor_mature_v22_hsa_mmu.tsv|mirbaseconverter_v22/sysdata.rda
mirbaseconverter_v22/species_v22.tsv|mirbaseconverter_v22/sysdata.rda'

# The decoder, base R only: `Rscript -e "$R_CODE" IN [OUT]` reads the .rda files under IN and
# writes the nine tables under OUT (default IN). Every statement ends in ';' and no line holds a
# comment or a single quote, so the lines joined by spaces are the one-line command printed for
# the user. It reproduces the shared copies byte for byte (checked with R 4.2.2):
# * targets_*.tsv: the data frame's columns X1..X4 renamed gene_id, gene_symbol, transcript_id,
#   mirna; tab-separated, no quotes, no row names.
# * mirbaseconverter_v22: PROVENANCE.md says the shared tables were decoded from table
#   miRNA_data$v22 by a stand-alone reader of R's serialization, not by R. The columns of that
#   table are indices into the vectors ACC, SYM, SEQ (accession, name, sequence) and rows of SPE
#   (species); matures are listed in precursor order, 5' arm column first, each accession once;
#   FASTA headers as in miRBase (">hsa-let-7a-1 MI0000060 Homo sapiens let-7a-1 stem-loop").
#   species_v22.tsv keeps that reader's spelling of R's missing values for the six "Dead" species:
#   None for text and -2147483648 for the taxon id.
# shellcheck disable=SC2016 # R code: its $ are R's, not the shell's
R_CODE='a <- commandArgs(TRUE); i <- a[1]; o <- if (length(a) > 1) a[2] else i;
wl <- function(f, l) { p <- file.path(o, f); dir.create(dirname(p), FALSE, TRUE); k <- file(p, "wb"); writeLines(l, k); close(k) };
wt <- function(f, x) { p <- file.path(o, f); dir.create(dirname(p), FALSE, TRUE); k <- file(p, "wb"); write.table(x, k, sep = "\t", quote = FALSE, row.names = FALSE, eol = "\n"); close(k) };
for (s in c("human", "mouse")) { f <- paste0("norce_targetscan/targets_", s); e <- new.env(); n <- load(file.path(i, paste0(f, ".rda")), e); x <- as.data.frame(get(n[1], e)); names(x) <- c("gene_id", "gene_symbol", "transcript_id", "mirna"); wt(paste0(f, ".tsv"), x) };
e <- new.env(); load(file.path(i, "mirbaseconverter_v22/sysdata.rda"), e); v <- e$miRNA_data$v22;
g <- function(y, j) ifelse(is.na(j), "", y[j]);
d <- data.frame(species = e$SPE$organism[v$Species], precursor_acc = g(e$ACC, v$Precursor_Acc), precursor = g(e$SYM, v$Precursor), precursor_seq = g(e$SEQ, v$Precursor_Seq), mature1_acc = g(e$ACC, v$Mature1_Acc), mature1 = g(e$SYM, v$Mature1), mature1_seq = g(e$SEQ, v$Mature1_Seq), mature2_acc = g(e$ACC, v$Mature2_Acc), mature2 = g(e$SYM, v$Mature2), mature2_seq = g(e$SEQ, v$Mature2_Seq), stringsAsFactors = FALSE);
sn <- e$SPE$name[v$Species]; b <- function(y) sub("^[^-]*-", "", y);
hp <- function(k) c(rbind(paste0(">", d$precursor[k], " ", d$precursor_acc[k], " ", sn[k], " ", b(d$precursor[k]), " stem-loop"), d$precursor_seq[k]));
mt <- function(k) { A <- c(rbind(d$mature1_acc[k], d$mature2_acc[k])); M <- c(rbind(d$mature1[k], d$mature2[k])); S <- c(rbind(d$mature1_seq[k], d$mature2_seq[k])); P <- rep(sn[k], each = 2); u <- A != "" & !duplicated(A); c(rbind(paste0(">", M[u], " ", A[u], " ", P[u], " ", b(M[u])), S[u])) };
for (s in c("hsa", "mmu")) { k <- d$species == s; wl(paste0("mirbaseconverter_v22/hairpin_", s, ".fa"), hp(k)); wl(paste0("mirbaseconverter_v22/mature_", s, ".fa"), mt(k)) };
wl("mirbaseconverter_v22/mature_v22_all_species.fa", mt(rep(TRUE, nrow(d))));
wt("mirbaseconverter_v22/precursor_mature_v22_hsa_mmu.tsv", d[d$species %in% c("hsa", "mmu"), ]);
p <- e$SPE; names(p) <- c("organism", "division", "name", "tree", "NCBI_taxid"); for (j in 1:4) p[[j]][is.na(p[[j]])] <- "None"; p[[5]] <- ifelse(is.na(p[[5]]), "-2147483648", as.character(p[[5]]));
wt("mirbaseconverter_v22/species_v22.tsv", p);'
R_ONE_LINE="$(printf '%s' "$R_CODE" | tr '\n' ' ')"

# The one-line command for folder $1 (shell-quoted as needed).
r_command() {
  printf "Rscript -e '%s' %q\n" "$R_ONE_LINE" "$1"
}

# --- helpers ---------------------------------------------------------------------------------

# Percent-encodes a repository path for a URL (spaces become %20; '/' stays).
urlencode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~/-]) out+="$c" ;;
      *) printf -v c '%%%02X' "'$c"; out+="$c" ;;
    esac
  done
  printf '%s' "$out"
}

url_of() { # repo commit path
  printf 'https://raw.githubusercontent.com/%s/%s/%s' "$1" "$2" "$(urlencode "$3")"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum < "$1" | cut -c1-64
  else shasum -a 256 < "$1" | cut -c1-64; fi
}

# expected[path] = hash, and the paths in the list's order.
declare -A expected=()
listed=()
read_checksums() {
  [[ -f "$checksums" ]] || fail "checksum list '$checksums' not found"
  local line hash path n=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    [[ -z "$line" ]] && continue
    hash="${line%%  *}"
    path="${line#*  }"
    path="${path#\*}"
    [[ "$hash" =~ ^[0-9a-f]{64}$ && "$path" != "$line" && -n "$path" ]] \
      || fail "$checksums line $n: expected '<64 hex digits>  <path>'"
    expected["$path"]="$hash"
    listed+=("$path")
  done < "$checksums"
  [[ ${#listed[@]} -gt 0 ]] || fail "checksum list '$checksums' is empty"
}

# Checks one file against the list: prints nothing and returns 0 if it matches.
check_file() { # dir path
  local f="$1/$2" want="${expected[$2]:-}" got
  [[ -n "$want" ]] || { echo "$me: FAILED: $2: no checksum line in $checksums" >&2; return 1; }
  [[ -f "$f" ]] || { echo "$me: MISSING: $2" >&2; return 1; }
  got="$(sha256_of "$f")"
  [[ "$got" == "$want" ]] || { echo "$me: MISMATCH: $2 (SHA-256 $got, expected $want)" >&2; return 1; }
}

# Temporary files and folders of this run, removed on any exit.
tmp_paths=()
cleanup() { if [[ ${#tmp_paths[@]} -gt 0 ]]; then rm -rf -- "${tmp_paths[@]}"; fi; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

download() { # url out
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 --connect-timeout 30 -o "$2" "$1"
  else
    wget -q --tries=3 --timeout=60 -O "$2" "$1"
  fi
}

# --- modes -----------------------------------------------------------------------------------

verify_only() { # dir
  local dir="$1" p bad=0 extra=0 rel
  [[ -d "$dir" ]] || fail "--verify-only: no folder '$dir'"
  read_checksums
  for p in "${listed[@]}"; do check_file "$dir" "$p" || bad=$((bad + 1)); done
  while IFS= read -r -d '' rel; do
    rel="${rel#"$dir"/}"
    if [[ -z "${expected[$rel]:-}" ]]; then
      echo "$me: extra file (allowed, not checked): $rel"
      extra=$((extra + 1))
    fi
  done < <(find "$dir" -type f -print0 | LC_ALL=C sort -z)
  if [[ $bad -gt 0 ]]; then
    fail "$bad of ${#listed[@]} files in $dir are missing or differ from $checksums"
  fi
  echo "$me: OK: all ${#listed[@]} files in $dir match $checksums ($extra extra files)"
}

list_files() {
  local local_path repo commit path from
  while IFS='|' read -r local_path repo commit path; do
    printf '%s\t%s\n' "$local_path" "$(url_of "$repo" "$commit" "$path")"
  done <<< "$SOURCES"
  while IFS='|' read -r local_path from; do
    printf '%s\tderived from %s\n' "$local_path" "$from"
  done <<< "$DERIVED"
}

fetch() { # dest
  local dest="$1" local_path repo commit path url tmp got kept=0 fetched=0
  command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || fail "needs curl or wget to download"
  command -v sha256sum >/dev/null 2>&1 || command -v shasum >/dev/null 2>&1 || fail "needs sha256sum (or shasum) to check the files"
  read_checksums
  mkdir -p -- "$dest" || fail "cannot create '$dest'"
  local file_mode  # mktemp makes private files; the downloads get the usual mode under the umask
  file_mode="$(printf '%04o' $((0666 & ~0$(umask))))"
  while IFS='|' read -r local_path repo commit path; do
    [[ -n "${expected[$local_path]:-}" ]] || fail "$local_path: no checksum line in $checksums"
    if [[ -f "$dest/$local_path" && "$(sha256_of "$dest/$local_path")" == "${expected[$local_path]}" ]]; then
      kept=$((kept + 1))
      continue
    fi
    url="$(url_of "$repo" "$commit" "$path")"
    mkdir -p -- "$(dirname -- "$dest/$local_path")"
    tmp="$(mktemp "$(dirname -- "$dest/$local_path")/.$(basename -- "$local_path").part.XXXXXX")"
    tmp_paths+=("$tmp")
    echo "$me: downloading $local_path"
    download "$url" "$tmp" || fail "$local_path: download failed from $url"
    got="$(sha256_of "$tmp")"
    [[ "$got" == "${expected[$local_path]}" ]] \
      || fail "$local_path: SHA-256 $got differs from the expected ${expected[$local_path]} (from $url); nothing written"
    chmod "$file_mode" "$tmp"
    mv -f -- "$tmp" "$dest/$local_path"
    fetched=$((fetched + 1))
  done <<< "$SOURCES"
  echo "$me: $fetched files downloaded, $kept already there; all verified"

  local missing=() from
  while IFS='|' read -r local_path from; do
    [[ -n "${expected[$local_path]:-}" ]] || fail "$local_path: no checksum line in $checksums"
    if [[ ! -f "$dest/$local_path" || "$(sha256_of "$dest/$local_path")" != "${expected[$local_path]}" ]]; then
      missing+=("$local_path")
    fi
  done <<< "$DERIVED"
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "$me: OK: all ${#listed[@]} files in $dest verified"
    return 0
  fi
  if ! command -v "$RSCRIPT" >/dev/null 2>&1; then
    echo "$me: Rscript not found: ${#missing[@]} tables decoded from .rda files are not made (${missing[*]})." >&2
    echo "$me: install R (base R is enough) and run this script again, or run this one line, then $0 --verify-only $(printf %q "$dest"):" >&2
    r_command "$dest"
    exit 3
  fi
  local out
  out="$(mktemp -d "$dest/.derived.XXXXXX")"
  tmp_paths+=("$out")
  echo "$me: decoding ${#missing[@]} tables from the .rda files with $RSCRIPT"
  "$RSCRIPT" -e "$R_ONE_LINE" "$dest" "$out" >/dev/null 2>"$out/.log" \
    || fail "R could not decode the .rda files: $(tail -n 1 "$out/.log")"
  local bad=0
  for local_path in "${missing[@]}"; do
    check_file "$out" "$local_path" || bad=$((bad + 1))
  done
  [[ $bad -eq 0 ]] || fail "$bad decoded tables differ from $checksums; nothing written"
  for local_path in "${missing[@]}"; do
    mkdir -p -- "$(dirname -- "$dest/$local_path")"
    mv -f -- "$out/$local_path" "$dest/$local_path"
  done
  echo "$me: OK: all ${#listed[@]} files in $dest verified"
}

# --- arguments -------------------------------------------------------------------------------

mode=fetch
target=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    --verify-only) [[ $# -ge 2 ]] || fail "--verify-only needs a folder"; mode=verify; target="$2"; shift 2 ;;
    --list) mode=list; shift ;;
    --r-command) mode=rcmd; shift; if [[ $# -gt 0 && "$1" != -* ]]; then target="$1"; shift; fi ;;
    --checksums) [[ $# -ge 2 ]] || fail "--checksums needs a file"; checksums="$2"; shift 2 ;;
    -*) fail "unknown argument '$1' (use DEST, --verify-only DIR, --list, --r-command [DIR] or --help)" ;;
    *) [[ -z "$target" ]] || fail "more than one folder given ('$target', '$1')"; target="$1"; shift ;;
  esac
done

case "$mode" in
  verify) verify_only "${target%/}" ;;
  list) list_files ;;
  rcmd) r_command "${target:-raw}" ;;
  fetch) fetch "${target:-raw}" ;;
esac
