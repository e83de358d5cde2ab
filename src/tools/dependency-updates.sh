#!/bin/sh
# Lists the shipped libraries (what the packaged jar holds: runtime scope, transitive ones included)
# that are behind the newest patch release of their own line, e.g. tomcat-embed-core 10.1.48 -> 10.1.x,
# never 11. Run from anywhere: src/tools/dependency-updates.sh
#
# 1. Maven writes the runtime list to target/shipped-dependencies.txt (the same execution the build runs
#    before the tests, so ShippedDependenciesTest and this command see one list);
# 2. this script turns that list into target/dependency-updates/pom.xml, which names each shipped jar
#    with its version as a direct dependency;
# 3. the versions plugin reads that POM: display-dependency-updates with allowMinorUpdates=false offers
#    only newer patch releases (x.y.*). It looks at the versions the registry lists; one listed but not
#    served fails on the first build that asks for it, so try it once (see docs/security.md).
set -e
cd "$(dirname "$0")/../.."
versions_plugin="org.codehaus.mojo:versions-maven-plugin:2.25.2"

./mvnw -B -ntp -q dependency:list@shipped-dependencies
list=target/shipped-dependencies.txt
[ -s "$list" ] || { echo "dependency-updates: $list was not written" >&2; exit 1; }

out=target/dependency-updates
mkdir -p "$out"
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n'
  printf '<!-- written by src/tools/dependency-updates.sh from %s: not part of the build -->\n' "$list"
  printf '<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
  printf '  <groupId>local</groupId>\n  <artifactId>shipped-dependencies</artifactId>\n'
  printf '  <version>0</version>\n  <packaging>pom</packaging>\n  <dependencies>\n'
  # an entry is "group:artifact:type[:classifier]:version:scope", possibly followed by " -- module …"
  sed -e 's/ -- .*//' -e 's/^[[:space:]]*//' "$list" | awk -F: '
    NF == 5 { printf "    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>%s</type></dependency>\n", $1, $2, $4, $3 }
    NF == 6 { printf "    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>%s</type><classifier>%s</classifier></dependency>\n", $1, $2, $5, $3, $4 }'
  printf '  </dependencies>\n</project>\n'
} > "$out/pom.xml"
count=$(grep -c '<dependency>' "$out/pom.xml" || true)
[ "$count" -gt 0 ] || { echo "dependency-updates: no shipped dependency found in $list" >&2; exit 1; }
echo "dependency-updates: $count shipped jars, looking for newer patch releases"

./mvnw -B -ntp -f "$out/pom.xml" "$versions_plugin:display-dependency-updates" \
  -DallowMinorUpdates=false -DallowMajorUpdates=false \
  -DprocessDependencyManagement=false -DprocessPluginDependencies=false \
  -DprocessPluginDependenciesInPluginManagement=false \
  -Dversions.outputFile="$PWD/$out/updates.txt" -Dversions.overwriteOutput=true \
  -Dversions.outputLineWidth=100
