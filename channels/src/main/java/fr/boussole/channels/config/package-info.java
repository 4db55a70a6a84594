/** Start-up settings of the channels (a wrong one is bot-core's InvalidSettingException, reported by the app). */
package fr.boussole.channels.config;
