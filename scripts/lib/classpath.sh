# Sourced by scripts/store, scripts/soak and scripts/load: builds the app and sets
#   JAVA   the JDK 21+ the Maven launcher uses (the default java may be older)
#   CP     the app's classes and its dependencies of the given scope (runtime or test)
# Usage: boussole_classpath runtime|test
boussole_classpath() {
  local scope="$1" goal="compile"
  [ "$scope" = test ] && goal="test-compile"
  ./mvnw -B -ntp -q -pl app -am -DskipTests "$goal" dependency:build-classpath \
    -Dmdep.outputFile="target/$scope.classpath" -Dmdep.includeScope="$scope" >&2
  local java_home
  java_home=$(./mvnw -B -ntp -q -Dstyle.color=never -pl app help:evaluate -Dexpression=java.home -DforceStdout 2>/dev/null \
    | tail -n 1 | sed "s/\x1b\[[0-9;]*m//g")
  JAVA="$java_home/bin/java"
  CP="app/target/classes:$(cat "app/target/$scope.classpath")"
  [ "$scope" = test ] && CP="app/target/test-classes:$CP"
  return 0
}
