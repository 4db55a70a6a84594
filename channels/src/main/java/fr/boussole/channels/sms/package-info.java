/** SMS: GSM-7 text, splitting at natural boundaries, numbered choices. */
package fr.boussole.channels.sms;
