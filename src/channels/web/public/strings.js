// The page's own words (its chrome). Cards bring their own, localised by the core.
// French is the default, English the alternative, as everywhere in Stagebot.

const STRINGS = {
  fr: {
    pageTitle: "Stagebot — terrain de jeu local",
    identity: "Vous êtes",
    language: "English",
    languageLabel: "Switch to English",
    threads: "Conversations",
    newConvention: "Nouvelle convention",
    runJobs: "Lancer les rappels maintenant",
    jobsRan: "Rappels et récapitulatifs lancés : {count} message(s) délivré(s). Changez d'identité (gestionnaire, référent) pour les voir.",
    mainConversation: "Conversation principale",
    conventionFallback: "Convention {id}",
    closed: "fermée",
    noMessages: "Aucun message pour l'instant. Écrivez « aide » ou créez une nouvelle convention.",
    messageLabel: "Votre message",
    messagePlaceholder: "Écrire au bot… (ex. « aide »)",
    send: "Envoyer",
    formTitle: "Formulaire",
    close: "Fermer",
    formErrors: "Le formulaire revient avec des réponses à corriger, chacune sous son champ.",
    loading: "Chargement…",
    sending: "Envoi…",
    ready: "Prêt.",
    errorPrefix: "Erreur",
    networkError: "Le serveur ne répond pas.",
    search: "Rechercher",
    searching: "Recherche…",
    noResults: "Aucun résultat",
    searchFailed: "La recherche a échoué",
    role_student: "Étudiants",
    role_teacher: "Enseignants référents",
    role_gestionnaire: "Gestionnaires",
    role_admin: "Administration",
  },
  en: {
    pageTitle: "Stagebot — local playground",
    identity: "You are",
    language: "Français",
    languageLabel: "Passer en français",
    threads: "Conversations",
    newConvention: "New convention",
    runJobs: "Run the reminders now",
    jobsRan: "Reminders and digests run: {count} message(s) delivered. Switch identity (gestionnaire, référent) to see them.",
    mainConversation: "Main conversation",
    conventionFallback: "Convention {id}",
    closed: "closed",
    noMessages: "No messages yet. Type “help” or start a new convention.",
    messageLabel: "Your message",
    messagePlaceholder: "Write to the bot… (e.g. “help”)",
    send: "Send",
    formTitle: "Form",
    close: "Close",
    formErrors: "The form came back with answers to correct, each under its field.",
    loading: "Loading…",
    sending: "Sending…",
    ready: "Ready.",
    errorPrefix: "Error",
    networkError: "The server does not answer.",
    search: "Search",
    searching: "Searching…",
    noResults: "No results",
    searchFailed: "The search failed",
    role_student: "Students",
    role_teacher: "Teachers (enseignants référents)",
    role_gestionnaire: "Gestionnaires",
    role_admin: "Administration",
  },
};

const STORAGE_KEY = "stagebot.playground.lang";
let current = localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "fr";

/** The page's language: "fr" or "en". */
export function lang() {
  return current;
}

/** Switches the page's language and remembers it. */
export function setLang(next) {
  current = next === "en" ? "en" : "fr";
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current;
}

/** One string of the page, with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
}

/** Fills every element marked data-i18n (text) or data-i18n-placeholder / data-i18n-label (attributes). */
export function applyStrings(root = document) {
  document.title = t("pageTitle");
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-placeholder]")) element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll("[data-i18n-label]")) element.setAttribute("aria-label", t(element.dataset.i18nLabel));
}
