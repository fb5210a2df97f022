#!/usr/bin/env bash
# Puts FFmpeg 8.1 (ffmpeg + ffprobe, static programs that speak Enhanced RTMP v2) into .tools/ffmpeg8/.
# They ship inside Maven Central's org.bytedeco:ffmpeg:8.1.2-1.5.14:jar:linux-x86_64.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/ffmpeg8"
if [ -x "$dest/ffmpeg" ] && [ -x "$dest/ffprobe" ]; then
  exit 0
fi
mkdir -p "$dest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mvn -q -B dependency:copy -Dartifact=org.bytedeco:ffmpeg:8.1.2-1.5.14:jar:linux-x86_64 -DoutputDirectory="$tmp"
(cd "$tmp" && unzip -q -o ./*.jar 'org/bytedeco/ffmpeg/linux-x86_64/*')
for p in ffmpeg ffprobe; do
  cp "$tmp/org/bytedeco/ffmpeg/linux-x86_64/$p" "$dest/$p"
  chmod +x "$dest/$p"
done
"$dest/ffmpeg" -hide_banner -version | head -n 1
