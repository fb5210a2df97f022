#!/usr/bin/env bash
# Puts FFmpeg 8.1 (ffmpeg + ffprobe, static programs that speak Enhanced RTMP v2) into .tools/ffmpeg8/.
# They ship, with the shared libraries they load, inside Maven Central's org.bytedeco:ffmpeg:8.1.2-1.5.14:jar:linux-x86_64.
#
# That artifact's parent POM (org.bytedeco:javacpp-presets:1.5.14) is not served by the registry
# this project reaches, so dependency:get/copy cannot read its descriptor; Maven's wagon plugin
# downloads the one file (and its .sha1, which is checked) from the same repository instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/ffmpeg8"
if [ -x "$dest/ffmpeg" ] && [ -x "$dest/ffprobe" ]; then
  exit 0
fi
repo="https://repo.maven.apache.org/maven2"
path="org/bytedeco/ffmpeg/8.1.2-1.5.14/ffmpeg-8.1.2-1.5.14-linux-x86_64.jar"
mkdir -p "$dest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in "$path" "$path.sha1"; do
  mvn -q -B org.codehaus.mojo:wagon-maven-plugin:2.0.2:download-single \
    -Dwagon.url="$repo" -Dwagon.fromFile="$f" -Dwagon.toFile="$tmp/$(basename "$f")"
done
want="$(cut -c1-40 "$tmp/$(basename "$path").sha1")"
have="$(sha1sum "$tmp/$(basename "$path")" | cut -c1-40)"
if [ "$want" != "$have" ]; then
  echo "fetch-tools: checksum mismatch for $path ($have, expected $want)" >&2
  exit 1
fi
(cd "$tmp" && unzip -q -o "$(basename "$path")" 'org/bytedeco/ffmpeg/linux-x86_64/*')
# The programs load the FFmpeg shared libraries shipped next to them (found through their $ORIGIN rpath).
cp -a "$tmp/org/bytedeco/ffmpeg/linux-x86_64/." "$dest/"
chmod +x "$dest/ffmpeg" "$dest/ffprobe"
"$dest/ffmpeg" -hide_banner -version | head -n 1
