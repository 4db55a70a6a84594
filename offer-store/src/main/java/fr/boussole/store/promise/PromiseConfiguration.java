package fr.boussole.store.promise;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PromiseSettings.class)
class PromiseConfiguration {}
