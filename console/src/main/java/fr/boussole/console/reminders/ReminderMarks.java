package fr.boussole.console.reminders;

import org.springframework.data.repository.CrudRepository;

interface ReminderMarks extends CrudRepository<ReminderMark, String> {}
