// The words of the shell's own surfaces (tray, notifications, native dialogs) in the app's three
// languages. The renderer has its own i18next catalogue; the shell's few sentences live here, as
// one typed table so a missing translation is a compile error, not a blank menu item.
import type { Language } from '../contract/domain.ts';
import type { Message } from '../contract/messages/message.ts';
import { renderMessage } from '../contract/messages/render-message.ts';

export type ShellLanguage = 'en' | 'nl' | 'fr';

export interface ShellText {
  /** Core's messages (a failure, a queue's reason) in this language. */
  render(message: Message): string;
  appName: string;
  open: string;
  dropWindow: string;
  pause: string;
  resume: string;
  watchedFolders: string;
  noFolders: string;
  unavailable: string;
  recentFailures: string;
  noFailures: string;
  retryAllFailed: string;
  exportDiagnostics: string;
  checkForUpdates: string;
  quit: string;
  idle: string;
  uploading(done: number, total: number): string;
  paused: string;
  offline: string;
  authRequired: string;
  scopeMissing: string;
  storageError: string;
  failedCount(count: number): string;
  /** Files held for the user's choice (an e-invoice addressed elsewhere), not failed. */
  heldCount(count: number): string;
  unconfirmedCount(count: number): string;
  batchDoneTitle: string;
  batchDoneBody(count: number): string;
  refusedTitle: string;
  refusedMany(count: number): string;
  tokenProblemTitle: string;
  insecureStorageTitle: string;
  insecureStorageMessage: string;
  insecureStorageDetail: string;
  insecureStorageStore: string;
  insecureStorageSessionOnly: string;
  updateAvailableMessage(version: string): string;
  updateAvailableDetail: string;
  download: string;
  later: string;
  updateReadyMessage(version: string): string;
  updateReadyDetail: string;
  restartAndInstall: string;
  upToDate: string;
  updateFailed: string;
  diagnosticsTitle: string;
  diagnosticsSaved(filePath: string): string;
  diagnosticsFailed: string;
  chooseFolder: string;
  ok: string;
}

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);

const en: Omit<ShellText, 'render'> = {
  appName: 'Clearfacts Uploader',
  open: 'Open Clearfacts Uploader',
  dropWindow: 'Drop documents…',
  pause: 'Pause uploads',
  resume: 'Resume uploads',
  watchedFolders: 'Open a watched folder',
  noFolders: 'No watched folders yet',
  unavailable: 'unavailable',
  recentFailures: 'Recent failures',
  noFailures: 'No failures',
  retryAllFailed: 'Retry all failed documents',
  exportDiagnostics: 'Export diagnostics…',
  checkForUpdates: 'Check for updates…',
  quit: 'Quit Clearfacts Uploader',
  idle: 'Up to date',
  uploading: (done, total) => `Uploading: ${done} of ${total} done`,
  paused: 'Paused',
  offline: 'Offline: waiting for the network',
  authRequired: 'Sign in again: Clearfacts refused the token',
  scopeMissing: 'The token lacks a permission',
  storageError: 'Cannot write the upload history',
  failedCount: (count) => `${count} ${plural(count, 'document failed', 'documents failed')}`,
  heldCount: (count) => `${count} waiting for your choice`,
  unconfirmedCount: (count) => `${count} to check in Clearfacts`,
  batchDoneTitle: 'Documents delivered',
  batchDoneBody: (count) =>
    `${count} ${plural(count, 'document was', 'documents were')} handled. Open the app for details.`,
  refusedTitle: 'A document was refused',
  refusedMany: (count) => `${count} documents were refused. Open the app to see why.`,
  tokenProblemTitle: 'Uploads are stopped',
  insecureStorageTitle: 'No keyring to protect the token',
  insecureStorageMessage: 'This computer has no keyring the app can use to encrypt your token.',
  insecureStorageDetail:
    'If you store it anyway, anyone who can read your files can read the token. Install and unlock GNOME Keyring or KWallet to protect it, or keep it for this session only and sign in again next time.',
  insecureStorageStore: 'Store it anyway',
  insecureStorageSessionOnly: 'This session only',
  updateAvailableMessage: (version) => `Clearfacts Uploader ${version} is available.`,
  updateAvailableDetail: 'Download it now? Uploads continue while it downloads.',
  download: 'Download',
  later: 'Later',
  updateReadyMessage: (version) => `Clearfacts Uploader ${version} is ready to install.`,
  updateReadyDetail:
    'Restart now to install it, or it is installed the next time you quit. Running uploads finish first.',
  restartAndInstall: 'Restart and install',
  upToDate: 'You have the latest version.',
  updateFailed: 'Could not check for updates. The log has the details.',
  diagnosticsTitle: 'Export diagnostics',
  diagnosticsSaved: (filePath) =>
    `Saved ${filePath}. It holds the logs and settings, never your token.`,
  diagnosticsFailed: 'Could not write the diagnostics file.',
  chooseFolder: 'Choose a folder to watch',
  ok: 'OK',
};

const nl: Omit<ShellText, 'render'> = {
  appName: 'Clearfacts Uploader',
  open: 'Clearfacts Uploader openen',
  dropWindow: 'Documenten neerzetten…',
  pause: 'Uploads pauzeren',
  resume: 'Uploads hervatten',
  watchedFolders: 'Een bewaakte map openen',
  noFolders: 'Nog geen bewaakte mappen',
  unavailable: 'niet beschikbaar',
  recentFailures: 'Recente fouten',
  noFailures: 'Geen fouten',
  retryAllFailed: 'Alle mislukte documenten opnieuw proberen',
  exportDiagnostics: 'Diagnose exporteren…',
  checkForUpdates: 'Controleren op updates…',
  quit: 'Clearfacts Uploader afsluiten',
  idle: 'Alles bijgewerkt',
  uploading: (done, total) => `Bezig met uploaden: ${done} van ${total} klaar`,
  paused: 'Gepauzeerd',
  offline: 'Offline: wachten op het netwerk',
  authRequired: 'Meld opnieuw aan: Clearfacts weigerde de token',
  scopeMissing: 'De token mist een toestemming',
  storageError: 'De uploadgeschiedenis kan niet worden geschreven',
  failedCount: (count) => `${count} ${plural(count, 'document mislukt', 'documenten mislukt')}`,
  heldCount: (count) => `${count} ${plural(count, 'wacht', 'wachten')} op uw keuze`,
  unconfirmedCount: (count) => `${count} na te kijken in Clearfacts`,
  batchDoneTitle: 'Documenten afgeleverd',
  batchDoneBody: (count) =>
    `${count} ${plural(count, 'document is', 'documenten zijn')} verwerkt. Open de app voor details.`,
  refusedTitle: 'Een document werd geweigerd',
  refusedMany: (count) => `${count} documenten werden geweigerd. Open de app om te zien waarom.`,
  tokenProblemTitle: 'Uploads zijn gestopt',
  insecureStorageTitle: 'Geen sleutelbos om de token te beschermen',
  insecureStorageMessage:
    'Deze computer heeft geen sleutelbos waarmee de app uw token kan versleutelen.',
  insecureStorageDetail:
    'Als u hem toch bewaart, kan iedereen die uw bestanden kan lezen de token lezen. Installeer en ontgrendel GNOME Keyring of KWallet om hem te beschermen, of bewaar hem alleen voor deze sessie en meld de volgende keer opnieuw aan.',
  insecureStorageStore: 'Toch bewaren',
  insecureStorageSessionOnly: 'Alleen deze sessie',
  updateAvailableMessage: (version) => `Clearfacts Uploader ${version} is beschikbaar.`,
  updateAvailableDetail: 'Nu downloaden? De uploads gaan door tijdens het downloaden.',
  download: 'Downloaden',
  later: 'Later',
  updateReadyMessage: (version) => `Clearfacts Uploader ${version} is klaar om te installeren.`,
  updateReadyDetail:
    'Herstart nu om te installeren, of de update wordt geïnstalleerd wanneer u de app afsluit. Lopende uploads worden eerst afgewerkt.',
  restartAndInstall: 'Herstarten en installeren',
  upToDate: 'U hebt de nieuwste versie.',
  updateFailed: 'Controleren op updates is mislukt. Het logboek bevat de details.',
  diagnosticsTitle: 'Diagnose exporteren',
  diagnosticsSaved: (filePath) =>
    `${filePath} is opgeslagen. Het bevat de logboeken en instellingen, nooit uw token.`,
  diagnosticsFailed: 'Het diagnosebestand kon niet worden geschreven.',
  chooseFolder: 'Kies een map om te bewaken',
  ok: 'OK',
};

const fr: Omit<ShellText, 'render'> = {
  appName: 'Clearfacts Uploader',
  open: 'Ouvrir Clearfacts Uploader',
  dropWindow: 'Déposer des documents…',
  pause: 'Suspendre les envois',
  resume: 'Reprendre les envois',
  watchedFolders: 'Ouvrir un dossier surveillé',
  noFolders: 'Aucun dossier surveillé',
  unavailable: 'indisponible',
  recentFailures: 'Échecs récents',
  noFailures: 'Aucun échec',
  retryAllFailed: 'Réessayer tous les documents en échec',
  exportDiagnostics: 'Exporter le diagnostic…',
  checkForUpdates: 'Rechercher des mises à jour…',
  quit: 'Quitter Clearfacts Uploader',
  idle: 'Tout est à jour',
  uploading: (done, total) => `Envoi en cours : ${done} sur ${total} terminés`,
  paused: 'En pause',
  offline: 'Hors ligne : en attente du réseau',
  authRequired: 'Reconnectez-vous : Clearfacts a refusé le jeton',
  scopeMissing: 'Il manque une autorisation au jeton',
  storageError: "Impossible d'écrire l'historique des envois",
  failedCount: (count) => `${count} ${plural(count, 'document en échec', 'documents en échec')}`,
  heldCount: (count) => `${count} en attente de votre choix`,
  unconfirmedCount: (count) => `${count} à vérifier dans Clearfacts`,
  batchDoneTitle: 'Documents livrés',
  batchDoneBody: (count) =>
    `${count} ${plural(count, 'document a été traité', 'documents ont été traités')}. Ouvrez l'application pour les détails.`,
  refusedTitle: 'Un document a été refusé',
  refusedMany: (count) =>
    `${count} documents ont été refusés. Ouvrez l'application pour savoir pourquoi.`,
  tokenProblemTitle: 'Les envois sont arrêtés',
  insecureStorageTitle: 'Aucun trousseau pour protéger le jeton',
  insecureStorageMessage:
    "Cet ordinateur n'a pas de trousseau que l'application peut utiliser pour chiffrer votre jeton.",
  insecureStorageDetail:
    "Si vous l'enregistrez quand même, toute personne pouvant lire vos fichiers pourra lire le jeton. Installez et déverrouillez GNOME Keyring ou KWallet pour le protéger, ou gardez-le pour cette session seulement et reconnectez-vous la prochaine fois.",
  insecureStorageStore: "L'enregistrer quand même",
  insecureStorageSessionOnly: 'Cette session seulement',
  updateAvailableMessage: (version) => `Clearfacts Uploader ${version} est disponible.`,
  updateAvailableDetail:
    'La télécharger maintenant ? Les envois continuent pendant le téléchargement.',
  download: 'Télécharger',
  later: 'Plus tard',
  updateReadyMessage: (version) => `Clearfacts Uploader ${version} est prêt à être installé.`,
  updateReadyDetail:
    "Redémarrez maintenant pour l'installer, ou elle sera installée à la fermeture de l'application. Les envois en cours se terminent d'abord.",
  restartAndInstall: 'Redémarrer et installer',
  upToDate: 'Vous avez la dernière version.',
  updateFailed: 'La recherche de mises à jour a échoué. Le journal contient les détails.',
  diagnosticsTitle: 'Exporter le diagnostic',
  diagnosticsSaved: (filePath) =>
    `${filePath} a été enregistré. Il contient les journaux et les réglages, jamais votre jeton.`,
  diagnosticsFailed: "Impossible d'écrire le fichier de diagnostic.",
  chooseFolder: 'Choisissez un dossier à surveiller',
  ok: 'OK',
};

const TEXTS: Record<ShellLanguage, Omit<ShellText, 'render'>> = { en, nl, fr };

/** The shell's language: the setting, or for 'system' the OS's first preferred language. */
export function shellLanguage(setting: Language, systemLocales: readonly string[]): ShellLanguage {
  if (setting !== 'system') return setting;
  for (const locale of systemLocales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0];
    if (primary === 'nl' || primary === 'fr' || primary === 'en') return primary;
  }
  return 'en';
}

export function shellText(language: ShellLanguage): ShellText {
  return { ...TEXTS[language], render: (message) => renderMessage(message, language) };
}
