package fr.boussole.console.security;

import org.springframework.data.repository.CrudRepository;

interface LoginThrottles extends CrudRepository<LoginThrottle, String> {}
