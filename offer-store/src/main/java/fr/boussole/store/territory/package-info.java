/** Territories (the local Boussoles): their communes, active themes, animateurs and Info Jeunes contacts. */
package fr.boussole.store.territory;
