package io.tampon.contracts.events;

/** Languages the patient can be addressed in. */
public enum Language {
    FR,
    EN
}
