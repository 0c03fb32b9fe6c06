#!/usr/bin/env bash
# Debian packages the full test suite uses. Idempotent; needs root (CI runs as root).
set -euo pipefail
packages=(
  poppler-utils            # pdftotext, pdffonts, pdftoppm: PDF tests and page images
  libreoffice-writer-nogui # DOCX → PDF, headless
  libreoffice-calc-nogui   # opening generated workbooks in the XLSX tests
  fonts-noto-cjk           # 宋体/黑体 substitutes (Noto Serif/Sans CJK SC)
  texlive-lang-chinese     # Fandol fonts: 仿宋 (FandolFang) and 楷体 (FandolKai)
  fontconfig
  libgl1                   # OpenCV (RapidOCR's image library) needs libGL on a bare machine
  chromium                 # browser tests of the web app (Playwright drives Debian's chromium)
  chromium-l10n            # its Chinese UI strings, so native controls (the file chooser) read 选择文件 as users see them
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages (run as root to install): ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
