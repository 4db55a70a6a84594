# Multi-stage build: the Maven build on a JDK, the app on a JRE.
#   docker build -t boussole-bot .        (docker compose up builds it too)
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY bot-core/pom.xml bot-core/
COPY dialogs/pom.xml dialogs/
COPY offer-store/pom.xml offer-store/
COPY channels/pom.xml channels/
COPY console/pom.xml console/
COPY app/pom.xml app/
# dependencies first, so that a source change does not download them again
RUN mvn -B -ntp -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -ntp -q -DskipTests package && cp app/target/app-*.jar /src/boussole.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --home-dir /app boussole && mkdir -p /app/data && chown boussole /app/data
WORKDIR /app
COPY --from=build /src/boussole.jar /app/boussole.jar
USER boussole
ENV BOUSSOLE_DATA_DIR=/app/data SERVER_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/boussole.jar"]
