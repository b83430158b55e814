// Belgian French. Same codes and placeholders as en.ts (a test compares them).
import type { Catalogue } from './catalogue.ts';

const ACCEPTED =
  'Clearfacts accepte les PDF, les JPEG et les factures XML UBL / Peppol BIS ; les images PNG sont converties en PDF.';
const SET_TOKEN = 'dans les Paramètres, ou avec `clearfacts-uploader token set`';
const PUT_IT_IN =
  'placez-le dans Achats, Ventes, Archive/Divers/<catégorie> ou Archive/Permanent/<catégorie>';

export const fr: Catalogue = {
  messages: {
    legacy_text: '{{text}}',

    file_gone: 'Le fichier n’est plus là : il a été déplacé ou supprimé.',
    file_locked:
      'Le fichier est verrouillé par un autre programme. Il sera vérifié à nouveau dès qu’il sera libéré.',
    file_no_access:
      'Le fichier ne peut pas être lu : vérifiez ses droits, ou si un autre programme le garde ouvert.',
    not_a_file: 'Ceci est un dossier ou un périphérique, pas un fichier.',
    file_empty: 'Le fichier est vide (0 octet) : le scan ou le téléchargement n’est pas terminé.',
    type_unsupported: `Ceci est {{actual}}. ${ACCEPTED}`,
    type_unsupported_not_expected: `Ceci est {{actual}}, et non {{expected}}. ${ACCEPTED}`,
    tiff_refused: `Ceci est une image TIFF, que Clearfacts n’accepte pas et que cette application ne peut pas convertir. Réglez le scanner pour enregistrer en PDF ou en JPEG. ${ACCEPTED}`,
    xml_too_large:
      'Ce fichier XML fait {{sizeBytes, sizeAboveLimit}} ; au plus {{maxBytes, size}} peuvent être envoyés. Une facture électronique est aussi lourde à cause du PDF qu’elle contient : demandez au fournisseur une version avec un PDF plus léger, ou envoyez le PDF seul.',
    file_too_large:
      'Le fichier fait {{sizeBytes, sizeAboveLimit}} ; au maximum {{maxBytes, size}} peuvent être envoyés. Scindez-le ou scannez à une résolution plus basse.',
    png_damaged:
      'Cette image PNG est incomplète ou endommagée (elle a peut-être été coupée pendant l’enregistrement) : elle ne peut pas être convertie en PDF.',
    jpeg_incomplete:
      'Cette image JPEG est incomplète : elle s’arrête avant son marqueur de fin, elle a donc été interrompue pendant le scan ou la copie. Elle est envoyée dès qu’elle est complète ; si elle reste ainsi, scannez-la ou enregistrez-la à nouveau.',
    pdf_encrypted:
      'Ce PDF est protégé par un mot de passe ou chiffré : Clearfacts ne peut pas le lire. Enregistrez une copie non protégée (par exemple avec « Imprimer en PDF ») et placez-la dans le dossier.',
    pdf_no_pages: 'Ce PDF n’a aucune page : il n’y a rien à envoyer.',
    pdf_page_count_mismatch:
      'La liste des pages de ce PDF annonce un nombre de pages de {{declaredPages, number}}, mais le fichier en contient {{foundPages, number}} : les lecteurs PDF n’affichent donc pas le même nombre de pages, et Clearfacts pourrait en afficher un autre. Ouvrez-le dans un lecteur PDF et enregistrez-le à nouveau, ou imprimez-le en PDF, puis placez cette copie dans le dossier.',
    pdf_page_tree_miscounted:
      'La liste des pages de ce PDF compte mal les pages d’une de ses parties : les lecteurs PDF qui se fient à ces nombres (celui de Firefox, par exemple) omettent certaines de ses pages ou les affichent deux fois, et Clearfacts pourrait faire de même. Ouvrez-le dans un lecteur PDF et enregistrez-le à nouveau, ou imprimez-le en PDF, puis placez cette copie dans le dossier.',
    pdf_incomplete_no_end_marker:
      'Ce PDF s’arrête avant son marqueur de fin (%%EOF) : il a été coupé pendant l’écriture, le téléchargement ou la copie, et ses dernières pages peuvent manquer. Copiez-le à nouveau depuis sa source, ou scannez-le ou enregistrez-le à nouveau.',
    pdf_incomplete_in_update:
      'Ce PDF s’arrête au milieu d’un ajout ultérieur (une mise à jour incrémentale sans marqueur de fin) : il a été coupé pendant l’écriture ou la copie, et ses dernières modifications ou pages peuvent manquer. Copiez-le à nouveau depuis sa source, ou enregistrez-le à nouveau.',
    pdf_needs_password:
      'Ce PDF demande un mot de passe pour s’ouvrir : Clearfacts ne peut donc pas le lire. Ouvrez-le avec son mot de passe, enregistrez une copie sans mot de passe (par exemple avec « Imprimer en PDF ») et placez cette copie dans le répertoire.',
    pdf_unreadable:
      'Cette application lit les PDF avec le lecteur intégré à Firefox, qui n’a pas pu lire ce fichier, même après une tentative de réparation. S’il s’ouvre dans votre lecteur PDF, enregistrez-en une copie (par exemple avec « Imprimer en PDF ») ; sinon, scannez-le ou enregistrez-le à nouveau.',
    pdf_xfa_only:
      'Ce PDF est un formulaire XFA dynamique : son contenu n’est pas dans ses pages (elles disent seulement « veuillez patienter » ou similaire), et Clearfacts lit les pages. Ouvrez-le dans Adobe Acrobat Reader, imprimez-le en PDF et envoyez cette copie.',
    pdf_prefix_too_long:
      'C’est un PDF, mais {{prefixBytes, number}} octets d’autre chose précèdent son début (%PDF-). Cette app retire au plus {{limitBytes, number}} de ces octets avant l’envoi, et Clearfacts exige qu’un PDF commence par %PDF-. Ouvrez-le dans un lecteur PDF et enregistrez-le à nouveau, ou imprimez-le en PDF, puis placez cette copie ici.',
    check_over_time:
      'La vérification de ce PDF a pris plus de temps que ce que l’application permet par fichier ({{limitSeconds}} s). Le fichier est peut-être correct ; l’application s’arrête là pour que les autres fichiers continuent. Enregistrez une copie avec « Imprimer en PDF », ou chargez-le sur le site de Clearfacts.',
    check_over_memory:
      'La vérification de ce PDF a demandé plus de mémoire que ce que l’application permet par fichier ({{limitBytes, size}}). Le fichier est peut-être correct ; l’application s’arrête là pour que l’ordinateur reste réactif. Enregistrez une copie avec « Imprimer en PDF », ou chargez-le sur le site de Clearfacts.',
    pdf_damaged: 'Ce PDF est endommagé et illisible. Scannez-le ou enregistrez-le à nouveau.',
    pdf_incomplete:
      'Ce PDF est incomplet : sa marque de fin de fichier manque, il a donc été coupé pendant l’écriture ou la copie. Scannez-le ou enregistrez-le à nouveau.',
    xml_malformed:
      'Ce fichier XML est mal formé (il est peut-être coupé ou endommagé) : il ne peut pas être lu comme une facture.',
    xml_malformed_at:
      'Ce fichier XML n’est pas correctement construit à la ligne {{line}}, colonne {{column}} (peut-être tronqué ou endommagé) : il ne peut pas être lu comme une facture.',
    xml_bytes_not_in_encoding:
      'Ce fichier XML contient des octets qui ne sont pas du {{encoding}} valide, l’encodage qu’il déclare (ou UTF-8 s’il n’en déclare aucun). Demandez à l’expéditeur un fichier en UTF-8, ou avec la bonne déclaration d’encodage.',
    xml_nested_too_deep:
      'Ce fichier XML imbrique ses éléments sur plus de {{limit}} niveaux, bien plus profondément qu’une facture : il n’est donc pas lu plus loin (peut-être endommagé, ou conçu pour surcharger le lecteur).',
    xml_declares_entities:
      'Ce fichier XML déclare ses propres entités dans un DOCTYPE. Aucune facture électronique ne le fait, et de telles déclarations peuvent faire développer du texte sans fin ou lire d’autres fichiers : il n’est donc pas lu plus loin ni envoyé. Demandez à l’expéditeur la facture sans DOCTYPE.',
    xml_markup_too_long:
      'Ce fichier XML contient une valeur d’attribut, un commentaire ou un nom de plus de {{limitKiB}} KiB, bien plus long qu’une facture n’en a besoin : il n’est donc pas lu plus loin. Demandez à l’expéditeur la facture sans cet élément.',
    xml_no_single_root:
      'Ce fichier XML n’a pas un élément racine unique : ce n’est donc pas une facture.',
    xml_html_page: 'Ceci est une page HTML, pas une facture XML.',
    xml_other_document:
      'Ce fichier XML est un document « {{rootName}} », pas une facture ou une note de crédit UBL / Peppol BIS.',
    xml_invoice_wrong_namespace:
      'Ce fichier XML a un élément racine Invoice, mais pas dans l’espace de noms UBL 2 (urn:oasis:names:specification:ubl:schema:xsd:Invoice-2) : ce n’est donc pas une facture UBL / Peppol BIS.',
    xml_credit_note_wrong_namespace:
      'Ce fichier XML a un élément racine CreditNote, mais pas dans l’espace de noms UBL 2 (urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2) : ce n’est donc pas une note de crédit UBL / Peppol BIS.',

    xml_envelope_without_invoice:
      'Ceci est une enveloppe Peppol (SBDH), mais elle ne contient pas de facture ni de note de crédit UBL.',
    xml_unreadable_encoding:
      'Ce fichier XML déclare l’encodage de caractères « {{encoding}} », qui ne peut pas être lu. Enregistrez-le en UTF-8.',
    e_invoice_cii:
      'Ceci est une facture électronique UN/CEFACT CII (Factur-X / ZUGFeRD XML), que Clearfacts n’accepte pas. Demandez au fournisseur la version Peppol BIS 3 (UBL), ou chargez le PDF.',
    bank_statement_coda:
      'Non chargé : ceci est un extrait de compte CODA. Clearfacts reçoit les extraits de compte directement de CodaBox.',
    bank_statement_camt053:
      'Non chargé : ceci est un extrait de compte camt.053. Clearfacts reçoit les extraits de compte directement de CodaBox.',
    // Issue #18 : factures électroniques routées, appariées, dédoublonnées et vérifiées
    e_invoice_customer_elsewhere:
      'Cette facture est adressée à {{name}} ({{companyNumber}}), pas à {{administration}}.',
    e_invoice_supplier_elsewhere:
      'Cette facture a été émise par {{name}} ({{companyNumber}}), pas par {{administration}} : ce n’est donc pas une de ses ventes.',
    e_invoice_inbox_both_clients:
      'Le fournisseur ({{supplier}}) et le client ({{customer}}) sont tous deux des administrations que vous pouvez atteindre : choisissez où va cette facture.',
    e_invoice_inbox_no_client:
      'Ni le fournisseur ({{supplier}}) ni le client ({{customer}}) n’est une administration que vous pouvez atteindre.',
    e_invoice_inbox_number_twice:
      'Plusieurs administrations que vous pouvez atteindre ont le numéro d’entreprise {{companyNumber}} ({{names}}) : choisissez la bonne.',
    e_invoice_party_two_administrations:
      'Cette facture mentionne {{name}} avec les numéros de plusieurs de vos administrations ({{names}}) : choisissez où elle va.',
    e_invoice_endpoint_other_administration:
      'Cette facture mentionne {{party}} comme partie, avec l’adresse Peppol de {{endpoint}}, qui est aussi l’une de vos administrations : choisissez où elle va.',
    e_invoice_inbox_no_numbers:
      'Cette facture ne mentionne aucun numéro d’entreprise belge pour le fournisseur ni pour le client : elle ne peut pas être routée.',
    inbox_not_e_invoice:
      'Non envoyé : seules les factures électroniques (UBL XML) partent d’une boîte de réception e-factures, car leurs parties disent à quelle administration elles appartiennent. Placez ce fichier dans le dossier d’un client, ou déposez-le sur la bonne administration.',
    e_invoice_already_sent:
      'La même facture (fournisseur, numéro et montant) a déjà été envoyée à cette administration le {{at, date}} sous le nom {{fileName}}.',
    pdf_sent_with_xml: 'Envoyé avec {{fileName}} : ce PDF est celui qui y est intégré.',
    pdf_differs_from_xml:
      '{{fileName}} a été envoyé ; ce PDF diffère de celui qui y est intégré. L’envoyer aussi ?',
    e_invoice_visual_already_sent:
      'Le PDF intégré dans cette facture électronique a déjà été envoyé à cette administration le {{at, date}} sous le nom {{fileName}} : c’est la même facture.',
    pdf_inside_unsent_xml:
      'Pas envoyé seul : ce PDF est celui intégré dans {{fileName}}, qui n’a pas été envoyé (voir sa ligne). La facture part avec le XML.',
    pdf_beside_unsent_xml:
      '{{fileName}} n’a pas été envoyé (voir sa ligne) ; ce PDF porte son nom mais diffère de celui qui y est intégré. Envoyer ce PDF ici ?',
    pdf_waits_for_xml:
      'En attente de {{fileName}} : si ce PDF est celui qui y est intégré, seul le XML est envoyé.',
    pdf_sent_without_xml:
      'Envoyé seul : {{fileName}} était encore en cours d’écriture après l’attente maximale, ce PDF n’a donc pas été comparé avec lui.',
    choice_send_to: 'Envoyer à {{name}} ({{destination}})',
    choice_send_here: 'Envoyer ici quand même',
    choice_pick_administration: 'Choisir l’administration…',
    e_invoice_advice: 'Conseil : {{eInvoiceRule}}',
    ubl_xsd_invalid:
      'Conseil : schéma UBL 2.1, ligne {{line, number}}, {{element}} : {{xsdProblem}}',
    ubl_xsd_unchecked: 'Conseil : non vérifiée selon le schéma UBL 2.1 : {{xsdSkipReason}}',
    hold_choice_unknown: '{{fileName}} ne propose pas (plus) ce choix.',
    hold_choice_name_administration:
      '{{fileName}} : choisissez l’administration où il va, et achats ou ventes.',

    file_removed_before_send: 'Le fichier a été supprimé ou renommé avant d’être envoyé.',
    file_permission_denied: 'Le fichier ne peut pas être lu : vérifiez ses droits.',
    file_unreadable: 'Le fichier n’a pas pu être lu.',
    conversion_failed: 'L’image n’a pas pu être convertie en PDF.',
    upload_unconfirmed:
      'Le fichier entier a été envoyé mais Clearfacts n’a pas répondu à temps : il est peut-être arrivé. Vérifiez dans Clearfacts, puis renvoyez-le ou marquez-le comme traité.',
    send_interrupted:
      'L’application s’est arrêtée pendant l’envoi de ce fichier : il est peut-être arrivé. Vérifiez dans Clearfacts, puis renvoyez-le ou marquez-le comme traité.',
    retry_offline: 'Clearfacts n’a pas pu être joint ; un nouvel essai suivra.',
    retry_http_status: 'Clearfacts a répondu HTTP {{status}} ; un nouvel essai suivra.',
    retry_local: 'L’envoi a échoué pour une raison locale ; un nouvel essai suivra.',
    gave_up_http_status:
      'Clearfacts a répondu HTTP {{status}}. Abandon après {{attempts}} essais ; réessayez plus tard.',
    gave_up_local:
      'L’envoi a échoué pour une raison locale. Abandon après {{attempts}} essais ; réessayez plus tard.',
    after_upload_folder_gone:
      'Le fichier a été envoyé, mais son dossier ({{folder}}) n’existait plus au moment de le déplacer ou de le supprimer (renommé, supprimé ou déconnecté). Vérifiez où se trouve le fichier.',
    after_upload_no_space:
      'Envoyé à Clearfacts (il ne sera pas renvoyé), mais il n’y avait plus d’espace pour le déplacer dans {{folder}}. Il reste où il est, et le déplacement est réessayé chaque minute jusqu’à ce qu’il y ait de l’espace.',
    after_upload_no_permission:
      'Envoyé à Clearfacts (il ne sera pas renvoyé), mais l’application n’a pas le droit de le déplacer dans {{folder}} (pas d’autorisation, ou un disque en lecture seule ou occupé). Il reste où il est, et le déplacement est réessayé chaque minute.',
    name_not_utf8_unrenamed:
      'Le nom de ce fichier n’est pas de l’UTF-8 valide (affiché ici tel que lu en Windows-1252), et l’application n’a pas pu lui donner ce nom lisible ({{error}}), nécessaire pour l’envoyer. Renommez le fichier vous-même, ou laissez l’application écrire dans son dossier.',
    after_upload_failed:
      'Envoyé à Clearfacts, mais le fichier n’a pas pu être déplacé ou supprimé ensuite ; il reste où il est.',
    changed_after_send:
      'Le fichier a changé après son envoi : il a été laissé en place, et la nouvelle version est vérifiée comme un nouveau fichier. Clearfacts conserve la version envoyée plus tôt comme document {{uuid}} : si elle était incomplète ou n’est pas voulue, supprimez-la là-bas.',
    token_refused_hold: `Clearfacts n’accepte plus le jeton (révoqué ou inconnu). Définissez un nouveau jeton pour reprendre : ${SET_TOKEN}.`,
    token_refused_hold_env:
      'Clearfacts n’accepte plus le jeton de la variable d’environnement {{variable}} (révoqué ou inconnu). Modifiez {{variable}} là où elle est définie (profil du shell, définition du service, tâche planifiée) et redémarrez : tant qu’elle est définie, un jeton conservé par l’app n’est pas utilisé.',
    scope_hold:
      'Le jeton n’a pas la portée {{scope}} : les fichiers qui en ont besoin attendent. Créez dans Clearfacts un jeton avec {{scope}} et définissez-le pour reprendre.',
    unknown_administration:
      'Clearfacts a refusé le fichier : le dossier au numéro d’entreprise {{companyNumber}} n’est pas accessible avec ce jeton. Vérifiez le dossier lié au répertoire.',
    unknown_category:
      'Clearfacts a refusé le fichier : le dossier au numéro d’entreprise {{companyNumber}} n’a plus cette catégorie d’archive ({{archiveType}}). Choisissez une autre catégorie pour le répertoire.',

    api_no_token:
      'Aucun jeton Clearfacts n’est défini : définissez d’abord un jeton d’accès personnel.',
    api_token_refused:
      'Clearfacts n’a pas accepté le jeton (HTTP {{status}}). Il est inconnu, révoqué ou mal saisi : définissez un nouveau jeton d’accès personnel.',
    api_token_refused_said:
      'Clearfacts n’a pas accepté le jeton (HTTP {{status}} : {{serverMessage}}). Il est inconnu, révoqué ou mal saisi : définissez un nouveau jeton d’accès personnel.',
    api_missing_scope:
      'Le jeton n’a pas la portée « {{scope}} » que Clearfacts exige pour ceci. Créez dans Clearfacts un jeton avec cette portée (menu du profil, Intégrations) et définissez-le ici.',
    api_server_error:
      'Clearfacts a signalé une erreur interne du serveur ; un nouvel essai suivra plus tard.',
    api_refused: 'Clearfacts a refusé {{subject}} : {{serverMessage}}',
    api_refused_status: 'Clearfacts a refusé {{subject}} (HTTP {{status}}).',
    api_refused_too_large: 'Clearfacts a refusé {{subject}}, trop volumineux (HTTP 413).',
    api_rate_limited: 'Clearfacts a demandé de ralentir (HTTP 429).',
    api_rate_limited_for:
      'Clearfacts a demandé de ralentir (HTTP 429) ; nouvel essai dans {{seconds, number}} s.',
    api_unavailable_status:
      'Clearfacts est momentanément indisponible (HTTP {{status}}) ; un nouvel essai suivra plus tard.',
    api_timeout_after_send:
      'Clearfacts n’a pas répondu dans les {{seconds, number}} s après l’envoi du fichier : il a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_aborted_after_send:
      'L’envoi a été arrêté avant la réponse de Clearfacts, après l’envoi du fichier : il a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_timeout:
      'Clearfacts n’a pas répondu dans les {{seconds, number}} s ; un nouvel essai suivra plus tard.',
    api_request_stopped: 'La demande a été arrêtée.',
    api_file_changed_while_sending:
      'Le fichier a changé ou est devenu illisible pendant l’envoi ; il est vérifié à nouveau.',
    api_network:
      'Clearfacts est injoignable ({{networkProblem}}). Vérifiez la connexion internet ; un nouvel essai suivra plus tard.',
    api_network_said:
      'Clearfacts est injoignable ({{problem}}). Vérifiez la connexion internet ; un nouvel essai suivra plus tard.',
    api_answer_not_understood:
      'Clearfacts a envoyé une réponse que cette application ne comprend pas ; un nouvel essai suivra plus tard.',
    api_answer_not_json:
      'La réponse ne venait pas de Clearfacts (ce n’était pas du JSON ; un proxy ou une page de connexion bloque peut-être) ; un nouvel essai suivra plus tard.',
    api_status_after_send:
      'Clearfacts a répondu HTTP {{status}} après l’envoi du fichier : il a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_network_after_send:
      'La connexion a échoué ({{networkProblem}}) après l’envoi du fichier : il a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_network_after_send_said:
      'La connexion a échoué ({{problem}}) après l’envoi du fichier : il a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_answer_broken_after_send:
      'La réponse de Clearfacts après l’envoi était coupée ou illisible : le fichier a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_not_graphql:
      '{{address}} a répondu par {{endpointAnswer}} (HTTP {{status}}) : ce n’est pas un point d’accès GraphQL, donc pas l’API de Clearfacts. L’adresse de l’API Clearfacts se termine par /graphql ({{example}}) : vérifiez --api-url, CLEARFACTS_API_URL ou l’adresse de l’API dans les paramètres.',
    api_upload_without_id:
      'Clearfacts a répondu à l’envoi sans identifiant de document : il a peut-être été enregistré, ou pas. Vérifiez dans Clearfacts avant de le renvoyer.',
    api_user_unnamed:
      'Clearfacts a répondu à la vérification du jeton sans nommer l’utilisateur ; un nouvel essai suivra plus tard.',

    no_token: `Aucun jeton Clearfacts n’est défini. Définissez-en un pour commencer l’envoi : ${SET_TOKEN}.`,
    paused_by_user: 'Mis en pause par vous : reprenez pour envoyer à nouveau.',
    offline:
      'Clearfacts est injoignable (pas de réseau, proxy ou pare-feu). Les fichiers attendent et partent dès que Clearfacts répond à nouveau.',
    rate_limited_until: 'Clearfacts a demandé de ralentir ; l’envoi reprend à {{until, time}}.',
    outage_probing: {
      one: 'Clearfacts n’a pas confirmé {{count, number}} envoi. Aucun nouveau fichier n’est envoyé avant que Clearfacts réponde à nouveau normalement ; la question lui est posée toutes les quelques secondes.',
      other:
        'Clearfacts n’a pas confirmé {{count, number}} envois. Aucun nouveau fichier n’est envoyé avant que Clearfacts réponde à nouveau normalement ; la question lui est posée toutes les quelques secondes.',
    },
    incident_resent: {
      one: '{{count, number}} fichier de cette panne est renvoyé.',
      other: '{{count, number}} fichiers de cette panne sont renvoyés.',
    },
    incident_marked_done: {
      one: '{{count, number}} fichier de cette panne est enregistré comme envoyé ; il ne sera pas renvoyé.',
      other:
        '{{count, number}} fichiers de cette panne sont enregistrés comme envoyés ; ils ne seront pas renvoyés.',
    },
    incident_unknown: 'Aucun fichier non confirmé n’appartient à la panne de {{incident, time}}.',
    incident_banner: {
      one: 'Clearfacts n’a pas confirmé {{count, number}} envoi pendant la panne commencée le {{incident, time}}.',
      other:
        'Clearfacts n’a pas confirmé {{count, number}} envois pendant la panne commencée le {{incident, time}}.',
    },
    incident_banner_undated: {
      one: 'Clearfacts n’a pas confirmé {{count, number}} envoi quand l’app s’est arrêtée pendant l’envoi.',
      other:
        'Clearfacts n’a pas confirmé {{count, number}} envois quand l’app s’est arrêtée pendant l’envoi.',
    },
    incident_guide:
      'Ils sont peut-être arrivés. Pour vérifier : ouvrez chaque dossier dans Clearfacts et cherchez ces noms de fichiers dans sa boîte de réception. S’ils y sont tous, marquez-les tous comme traités ; si aucun n’y est, renvoyez-les tous ; si seuls certains y sont, décidez fichier par fichier.',
    history_rebuilt:
      'La base de l’historique ({{databasePath}}) {{historyProblem}}. Elle a été reconstruite à partir de la dernière sauvegarde et du journal des livraisons : {{restored}} fichiers livrés restaurés, aucun n’est donc renvoyé.',
    storage_fault:
      'La base de données de l’historique ({{databasePath}}) ne peut pas être écrite : {{storageProblem}}.',

    not_signed_in: 'Connectez-vous d’abord avec un jeton Clearfacts.',
    token_malformed:
      'Ceci n’est pas un jeton Clearfacts : un jeton d’accès personnel compte exactement 80 caractères (lettres, chiffres et symboles, sans espaces).',
    env_token_malformed:
      'La variable d’environnement CLEARFACTS_TOKEN ne contient pas de jeton Clearfacts : un jeton d’accès personnel compte exactement 80 caractères (lettres, chiffres et symboles, sans espaces).',
    token_not_accepted:
      'Clearfacts n’accepte pas ce jeton : il est inconnu ou a été révoqué. Créez-en un nouveau dans Clearfacts et réessayez.',
    stored_token_not_accepted:
      'Clearfacts n’accepte pas le jeton enregistré : il est inconnu ou a été révoqué. Créez-en un nouveau dans Clearfacts et définissez-le à nouveau.',
    demo_unavailable:
      'La démo n’est proposée que lorsque l’application fonctionne avec l’émulateur Clearfacts intégré.',
    token_file_unprotected:
      'Le jeton est enregistré sans chiffrement dans {{filePath}} (lisible uniquement par votre compte utilisateur, mais pas protégé par un trousseau). Quiconque peut lire vos fichiers peut l’utiliser pour envoyer vers Clearfacts. Préférez le trousseau du système, ou CLEARFACTS_TOKEN_FILE désignant un fichier que vous seul pouvez lire (les autres processus de votre compte peuvent lire une variable d’environnement).',
    token_file_unusable: 'Le fichier de jeton {{filePath}} ne peut pas être lu ou écrit.',
    token_file_env_unreadable:
      'CLEARFACTS_TOKEN_FILE désigne {{filePath}}, qui ne peut pas être lu ({{errorCode}}). Placez le jeton dans ce fichier, lisible par le compte sous lequel l’application tourne, ou modifiez CLEARFACTS_TOKEN_FILE là où elle est définie (définition du service, conteneur, profil du shell).',
    token_file_env_malformed:
      'Le fichier {{filePath}} désigné par CLEARFACTS_TOKEN_FILE ne contient pas de jeton Clearfacts : un jeton d’accès personnel compte exactement 80 caractères (lettres, chiffres et symboles, sans espaces). N’écrivez que le jeton dans ce fichier.',
    keyring_unusable: 'Le trousseau du système ne peut pas être utilisé ici.',
    keyring_failed:
      'Le trousseau du système n’a pas répondu : le jeton n’a pas pu être lu ou enregistré.',
    token_store_failed: 'Le jeton n’a pas pu être lu ou enregistré.',
    token_from_env_read_only:
      'Le jeton vient de la variable d’environnement {{variable}}, qui a priorité sur tout jeton conservé : modifiez ou videz {{variable}} là où elle est définie (profil du shell, définition du service, tâche planifiée).',
    token_from_env_file_read_only:
      'Le jeton vient du fichier désigné par la variable d’environnement {{variable}} : écrivez le nouveau jeton dans ce fichier, ou videz {{variable}} là où elle est définie (définition du service, conteneur, profil du shell).',
    token_file_read_failed:
      'Le jeton n’a pas pu être lu dans {{filePath}} ({{errorCode}}). Vérifiez que votre compte utilisateur peut lire ce fichier.',
    token_file_write_failed:
      'Le jeton n’a pas pu être écrit dans {{filePath}} ({{errorCode}}). Vérifiez que son répertoire existe, que votre compte utilisateur peut y écrire et que le disque n’est ni en lecture seule ni plein.',
    token_file_remove_failed:
      'Le fichier du jeton {{filePath}} n’a pas pu être supprimé ({{errorCode}}). Vérifiez que votre compte utilisateur peut écrire dans son répertoire.',
    token_file_damaged:
      'Le fichier du jeton {{filePath}} est endommagé : reconnectez-vous pour le remplacer.',
    token_in_file_malformed:
      'Le fichier {{filePath}} ne contient pas de jeton Clearfacts : un jeton d’accès personnel compte exactement 80 caractères (lettres, chiffres et symboles, sans espaces). Définissez à nouveau le jeton.',
    token_in_keyring_malformed:
      'Le trousseau du système ne contient pas de jeton Clearfacts : un jeton d’accès personnel compte exactement 80 caractères (lettres, chiffres et symboles, sans espaces). Définissez à nouveau le jeton.',
    token_plain_file_consent:
      'Aucun trousseau du système n’est utilisable ici ({{problem}}). Conserver le jeton dans un simple fichier ({{filePath}}) demande votre accord explicite : donnez-le, ou placez le jeton dans un fichier que vous seul pouvez lire et désignez ce fichier dans CLEARFACTS_TOKEN_FILE.',
    keyring_failed_said:
      'Le trousseau du système n’a pas répondu ({{problem}}) : le jeton n’a pas pu être lu ni conservé. Déverrouillez le trousseau, ou désignez dans CLEARFACTS_TOKEN_FILE un fichier contenant le jeton.',
    safe_storage_cannot_decrypt:
      'Le trousseau du système n’est pas disponible : le jeton conservé ne peut donc pas être déchiffré. Déverrouillez le trousseau et redémarrez l’application, ou reconnectez-vous.',
    safe_storage_decrypt_failed:
      'Le jeton conservé n’a pas pu être déchiffré ({{problem}}) : le trousseau est peut-être verrouillé ou a changé. Déverrouillez-le et redémarrez l’application, ou reconnectez-vous.',
    safe_storage_unavailable:
      'Le trousseau du système est indisponible : le jeton ne peut pas être enregistré, et vous devrez vous reconnecter après chaque redémarrage.',
    safe_storage_basic_text:
      'Aucun trousseau n’a été trouvé (GNOME Keyring ou KWallet) : le jeton est enregistré avec une clé fixe qui ne le protège pas vraiment, et quiconque peut lire vos fichiers peut le lire. Installez et déverrouillez un trousseau pour le protéger.',
    safe_storage_session_only:
      'Aucun trousseau n’a été trouvé : le jeton reste en mémoire pour cette session seulement, et vous devrez vous reconnecter la prochaine fois. Installez et déverrouillez GNOME Keyring ou KWallet pour l’enregistrer en sécurité.',

    // Hardening (issue #12): the token bound to its API origin
    token_for_other_api: `Le jeton a été saisi pour {{tokenOrigin}}, mais l’adresse de l’API est maintenant {{apiOrigin}} : le jeton n’y est donc pas envoyé. Saisissez à nouveau le jeton pour l’utiliser avec {{apiOrigin}} : ${SET_TOKEN}.`,

    folder_not_found: 'Le répertoire {{path}} n’existe pas ou ne peut pas être lu.',
    folder_browse_outside:
      'Le sélecteur de dossiers ne montre que les dossiers de votre dossier personnel et des disques montés, pas {{path}}.',
    folder_browse_not_absolute:
      '{{path}} n’est pas un chemin de dossier complet (il doit commencer par un lecteur ou par /).',
    folder_browse_unreadable:
      'Le dossier {{path}} ne peut pas être ouvert : ce compte d’utilisateur ne peut pas le lire.',
    not_a_folder: '{{path}} n’est pas un répertoire.',
    folder_already_watched: 'Le répertoire {{path}} est déjà surveillé.',
    folder_watched_twice:
      'Le répertoire {{path}} est déjà surveillé par une autre liaison ; supprimez l’une des deux.',
    folder_id_unknown: 'Aucun répertoire surveillé n’a l’identifiant {{id}}.',
    inbox_never_splits:
      'Le répertoire {{path}} est une boîte de réception e-factures : les factures électroniques ne sont jamais scindées. La scission est destinée aux répertoires dans lesquels écrit un scanner.',
    administration_unreachable:
      'Le dossier au numéro d’entreprise {{companyNumber}} ne fait pas partie des dossiers accessibles avec ce jeton.',
    category_unknown:
      'Le dossier au numéro d’entreprise {{companyNumber}} n’a pas de catégorie d’archive {{categoryId}} ({{archiveType}}).',
    tree_not_created: 'Les répertoires du comptable n’ont pas pu être créés.',
    folder_moved:
      'Le répertoire {{path}} est introuvable : il a été déplacé, renommé ou supprimé. Il sera surveillé à nouveau dès son retour.',
    folder_missing:
      'Le répertoire {{path}} est introuvable : le disque ou le partage réseau qui le contient n’est pas connecté, ou il a été déplacé. Il sera surveillé à nouveau dès son retour.',
    folder_no_permission: 'L’application n’a pas le droit de lire le répertoire {{path}}.',
    folder_unreachable:
      'Le répertoire {{path}} est injoignable : le disque ou le partage réseau est peut-être hors ligne.',
    folder_marker_missing:
      '{{path}} est vide et n’a pas le marqueur que l’application a écrit lorsqu’il a été associé (.clearfacts-folder) : on dirait un disque ou un partage non connecté, ou un dossier renommé puis recréé. Rien n’y est considéré comme supprimé et rien n’y est créé. Connectez le disque ou le partage, ou remettez le dossier ; si ce dossier vide est vraiment le bon, retirez-le de la liste et ajoutez-le à nouveau.',
    folder_owned_elsewhere:
      'Une autre installation livre {{path}} : {{user}} sur {{machine}} (paramètres dans {{configDir}}), active pour la dernière fois {{at, datetime}}. Celle-ci n’en envoie rien, pour qu’aucun fichier ne parte deux fois. Si cette installation ne tourne plus, reprenez le dossier.',
    folder_owner_active:
      '{{user}} sur {{machine}} (paramètres dans {{configDir}}) livre encore {{path}} : active {{at, datetime}}. Retirez le dossier là-bas, ou arrêtez cette installation, avant de le reprendre.',
    folder_taken_over:
      'Pendant que cette installation était arrêtée ou en veille, {{user}} sur {{machine}} (paramètres dans {{configDir}}) a repris {{path}} ({{at, datetime}}) et le livre désormais. Celle-ci n’en envoie rien, pour qu’aucun fichier ne parte deux fois. Retirez le dossier de cette installation, ou reprenez-le si l’autre ne tourne plus.',
    folder_owner_unrecorded:
      'Impossible d’écrire dans {{path}} (un partage en lecture seule ?) : cette installation ne peut pas y noter qu’elle livre ce dossier. Ses fichiers sont envoyés normalement. Si une autre installation, sur cet ordinateur ou un autre, surveille aussi ce dossier, les deux envoient chaque fichier : retirez le dossier de toutes sauf une, ou donnez à celle-ci le droit d’écrire.',
    share_unmounted:
      'Le disque ou le partage réseau monté sur {{path}} n’est plus monté. Il sera surveillé à nouveau dès son retour.',
    folder_not_responding:
      'Le répertoire {{path}} ne répond pas : le partage réseau est peut-être hors ligne. Il sera surveillé à nouveau dès qu’il répondra.',
    polling_forced:
      'Vérifié régulièrement, car le paramètre qui fait toujours vérifier les répertoires surveillés est activé.',
    polling_network:
      'Vérifié régulièrement, car le répertoire se trouve sur {{fileSystem}}, qui ne signale pas les changements faits par d’autres ordinateurs.',
    polling_no_events:
      'Vérifié régulièrement, car le répertoire n’a pas signalé un fichier de test dans les {{seconds, number}} s : ses notifications de changement ne fonctionnent pas ici.',
    watch_limit_inotify:
      'Vérifié régulièrement, car la limite de Linux sur les répertoires surveillés (inotify max_user_watches) est atteinte. Pour le surveiller à nouveau en direct, relevez la limite : echo fs.inotify.max_user_watches=524288 | sudo tee -a /etc/sysctl.conf && sudo sysctl -p',
    watch_limit_open_files:
      'Vérifié régulièrement, car la limite du système sur les fichiers ouverts est atteinte. Pour le surveiller à nouveau en direct : {{platformFix}}.',
    stray_files: {
      one: '{{count, number}} fichier n’est pas dans un répertoire de destination et n’est pas envoyé, p. ex. {{example}} : {{reason}}.',
      many: '{{count, number}} de fichiers ne sont pas dans un répertoire de destination et ne sont pas envoyés, p. ex. {{example}} : {{reason}}.',
      other:
        '{{count, number}} fichiers ne sont pas dans un répertoire de destination et ne sont pas envoyés, p. ex. {{example}} : {{reason}}.',
    },
    // What the user sees (issue 14, core and CLI): paths given to a drop or `upload`
    drop_path_missing:
      'Il n’y a ni fichier ni dossier à {{path}} : vérifiez le chemin. Rien n’a été envoyé.',
    drop_path_not_a_file:
      '{{path}} n’est ni un fichier ni un dossier (un périphérique ou un socket). Rien n’a été envoyé.',
    drop_folder_empty:
      'Le dossier {{path}} ne contient aucun document à envoyer. Rien n’a été envoyé.',
    combine_not_pdf_or_image:
      '{{fileName}} n’est ni un PDF, ni un JPEG, ni un PNG : il ne peut pas être réuni en un seul document. Rien n’a été envoyé.',
    combine_unreadable:
      '{{fileName}} n’a pas pu être lu pour le réunir (il est peut-être chiffré ou endommagé). Rien n’a été envoyé.',
    scan_session_not_written:
      'Les fichiers de cette session de numérisation n’ont pas pu être réunis : le document réuni n’a pas pu être écrit dans {{folder}} ({{storageProblem}}). Rien n’a été envoyé et les fichiers sont restés tels quels ; réessayez pour les réunir à nouveau.',
    scan_session_not_written_other:
      'Les fichiers de cette session de numérisation n’ont pas pu être réunis : le document réuni n’a pas pu être écrit dans {{folder}}. Rien n’a été envoyé et les fichiers sont restés tels quels ; réessayez pour les réunir à nouveau.',
    drop_too_many_files:
      'Un seul dépôt peut contenir au plus {{maxFiles, number}} fichiers. Rien n’a été reçu : déposez-les en plus petits groupes.',

    // … and archive categories named on the command line
    category_name_unknown:
      'Le dossier {{companyNumber}} n’a pas de catégorie d’archive ({{archiveType}}) « {{name}} ». Ses catégories ({{archiveType}}) : {{names}}.',
    category_name_ambiguous:
      'Le dossier {{companyNumber}} a plusieurs catégories d’archive ({{archiveType}}) « {{name}} » : indiquez son identifiant ({{ids}}).',
    category_none: 'Le dossier {{companyNumber}} n’a aucune catégorie d’archive ({{archiveType}}).',

    tree_file_in_root: `le fichier se trouve directement dans le répertoire du comptable ; ${PUT_IT_IN} du répertoire d’un dossier`,
    tree_file_in_administration: `le fichier se trouve directement dans le répertoire du dossier au numéro d’entreprise {{companyNumber}} ; ${PUT_IT_IN}`,
    tree_unknown_tray: `« {{folderName}} » n’est pas un des répertoires du dossier au numéro d’entreprise {{companyNumber}} ; ${PUT_IT_IN}`,
    tree_archive_needs_type:
      'les fichiers dans Archive doivent aller dans Archive/Divers/<catégorie> ou Archive/Permanent/<catégorie>',
    tree_file_in_archive_type:
      'le fichier se trouve directement dans {{folderName}} ; placez-le dans un de ses répertoires de catégorie',
    tree_unknown_category:
      'le dossier au numéro d’entreprise {{companyNumber}} n’a pas de catégorie d’archive ({{archiveType}}) nommée « {{folderName}} »',
    tree_folder_name_invalid:
      'le répertoire « {{folderName}} » n’a pas la forme « <nom du dossier> (<numéro d’entreprise>) », p. ex. « Boulangerie Peeters (0123456789) »',
    tree_company_number_invalid:
      '« {{value}} » dans le nom de répertoire « {{folderName}} » n’est pas un numéro d’entreprise belge (0 suivi de 9 chiffres)',

    // split/: separator sheets (the words printed on a sheet) and splitting scanned batches
    separator_sheet_heading: 'Feuille de séparation',
    separator_sheet_next: 'Les pages après cette feuille forment un nouveau document.',
    separator_sheet_purchase: "Le document suivant va dans Factures d'achat.",
    separator_sheet_sale: 'Le document suivant va dans Factures de vente.',
    separator_sheet_various:
      'Le document suivant va dans Archives, Divers, catégorie {{categoryId}}.',
    separator_sheet_permanent:
      'Le document suivant va dans Archives, Permanent, catégorie {{categoryId}}.',
    separator_sheet_company: 'Pour le dossier {{companyNumber}}.',
    separator_sheet_not_sent:
      "Cette feuille n'est pas envoyée. Placez-la devant le document qu'elle annonce.",
    combined_from: {
      one: 'Réuni à partir de {{count, number}} fichier : {{names}}',
      other: 'Réuni à partir de {{count, number}} fichiers : {{names}}',
    },
    split_into_parts: {
      one: 'Découpé en {{count, number}} document ; {{separatorPages, number}} feuilles de séparation non envoyées. Déplacé quand chaque partie est envoyée.',
      other:
        'Découpé en {{count, number}} documents ; {{separatorPages, number}} feuilles de séparation non envoyées. Déplacé quand chaque partie est envoyée.',
    },
    split_whole_unreadable:
      "Envoyé entier bien que son dossier découpe : le PDF n'a pas pu être ouvert pour le découper (il est peut-être chiffré ou endommagé).",
    split_whole_part_mismatch:
      'Envoyé entier bien que son dossier découpe : la partie des pages {{firstPage, number}}–{{lastPage, number}} devrait avoir {{expectedPages, number}} pages mais en a {{foundPages, number}} à la relecture.',
    split_whole_over_budget:
      'Envoyé entier bien que son dossier découpe : le découpage a pris plus de {{limitSeconds, number}} s.',
    split_whole_stopped:
      "Envoyé entier bien que son dossier découpe : le découpage s'est arrêté avant la fin.",
    split_whole_choice_mismatch:
      "Envoyé entier : les parties choisies dans l'aperçu ne correspondent plus à ce PDF (une page aurait été omise).",
    split_into_parts_blank: {
      one: 'Découpé en {{count, number}} document ; {{blankPages, number}} pages blanches non envoyées, conservées dans {{path}}. Déplacé quand chaque partie est envoyée.',
      other:
        'Découpé en {{count, number}} documents ; {{blankPages, number}} pages blanches non envoyées, conservées dans {{path}}. Déplacé quand chaque partie est envoyée.',
    },
    split_blank_backs_left_out: {
      one: 'Envoyé en un seul document sans sa page blanche, conservée dans {{path}}. Déplacé quand le document est envoyé.',
      other:
        'Envoyé en un seul document sans ses {{count, number}} pages blanches, conservées dans {{path}}. Déplacé quand le document est envoyé.',
    },
    split_only_blank_pages: {
      one: 'Non envoyé : sa seule page est blanche ; il ne contient donc aucun document.',
      other:
        'Non envoyé : ses {{count, number}} pages sont toutes blanches ; il ne contient donc aucun document.',
    },
    split_whole_changed_since_preview:
      "Envoyé entier : le fichier a changé après l'aperçu de ses parties, les parties choisies pourraient ne plus lui correspondre.",
    split_only_separators: {
      one: 'Non envoyé : sa seule page est une feuille de séparation ; il ne contient donc aucun document. Scannez la feuille avec les documents qu’elle sépare.',
      other:
        'Non envoyé : ses {{count, number}} pages sont toutes des feuilles de séparation ; il ne contient donc aucun document. Scannez les feuilles avec les documents qu’elles séparent.',
    },

    history_entry_unknown: 'Il n’y a pas de fichier {{id}} dans l’historique.',
    history_preview_missing:
      'Le fichier ne se trouve plus dans {{path}} et ne peut donc pas être affiché.',
    history_preview_unreadable: 'Le fichier dans {{path}} ne peut pas être lu pour l’afficher.',
    history_preview_unsupported: 'Il n’y a pas d’aperçu pour {{fileName}}.',
    history_action_refused: '{{fileName}} est {{state}} : il ne peut pas être {{action}}.',
    settings_invalid: 'Ces paramètres ne sont pas valides.',
    history_filter_invalid: 'Ce filtre de l’historique n’est pas valide.',
    engine_busy: 'Un autre uploader fonctionne déjà sur ce répertoire de configuration.',
    request_invalid: 'La demande n’était pas valide.',
    request_channel_unknown: 'Il n’existe pas de demande « {{channel}} ».',
    request_arguments_invalid: 'La demande {{channel}} n’était pas valide (champs : {{fields}}).',
    bridge_starting: 'L’uploader démarre encore. Réessayez dans un instant.',
    bridge_host_refused: 'Cet uploader ne répond pas pour l’adresse « {{host}} ».',
    bridge_origin_refused: 'Les demandes venant de {{origin}} ne sont pas autorisées.',
    bridge_not_from_app: 'Seule la page de l’uploader peut demander {{path}}.',
    bridge_session_missing:
      'Cette page n’a pas de session pour {{path}}. Demandez un nouveau lien avec « clearfacts-uploader ui --link ».',
    bridge_session_unknown:
      'La session de cette page est inconnue pour {{path}}. Demandez un nouveau lien avec « clearfacts-uploader ui --link ».',
    bridge_not_json_type: 'La demande à {{path}} doit être envoyée en JSON.',
    bridge_body_too_large: 'La demande à {{path}} dépasse {{maxBytes, size}}.',
    bridge_body_not_json: 'La demande à {{path}} n’est pas du JSON valide.',
    bridge_channel_name_invalid: 'Le nom de la demande dans {{path}} n’est pas valide.',
    bridge_no_route: 'L’uploader ne connaît pas {{method}} {{path}}.',
    bridge_not_found: 'Il n’y a pas de page {{path}}.',
    staging_not_multipart:
      'Les fichiers déposés doivent arriver à {{path}} en formulaire multipart.',
    staging_no_files: 'La demande à {{path}} ne contenait aucun fichier.',
    staging_failed: 'Les fichiers déposés n’ont pas pu être reçus à {{path}}.',
    shell_unsupported: 'Ceci n’est possible que dans l’application de bureau.',
    uploader_unreachable: 'L’uploader est injoignable.',
    bridge_link_used:
      'Ce lien a déjà été utilisé ou n’est pas valide. Demandez-en un nouveau avec « clearfacts-uploader ui --link ».',
    bridge_link_needed:
      'Cette page a été ouverte sans son lien privé. Demandez-en un nouveau avec « clearfacts-uploader ui --link ».',
    running_app_unreachable:
      'Le Clearfacts Uploader qui fonctionne avec ce répertoire de configuration est injoignable à {{address}}: {{reason}}.',
    cli_api_unreachable:
      'Clearfacts est injoignable à l’adresse {{address}} ({{networkProblem}}). Vérifiez que cette adresse est correcte (--api-url, ou l’adresse de l’API dans les paramètres), que cet ordinateur est en ligne et qu’aucun proxy ni pare-feu ne la bloque.',
    cli_api_unreachable_said:
      'Clearfacts est injoignable à l’adresse {{address}} ({{problem}}). Vérifiez que cette adresse est correcte (--api-url, ou l’adresse de l’API dans les paramètres), que cet ordinateur est en ligne et qu’aucun proxy ni pare-feu ne la bloque.',
    control_engine_stopped: 'le moteur s’est arrêté',
    control_closed_here: 'la connexion a été fermée',
    control_connection_failed: 'la connexion a échoué ({{errorCode}})',
    control_no_accept: 'il n’a pas accepté la connexion dans les {{timeoutMs, number}} ms',
    control_no_hello: 'il ne s’est pas présenté dans les {{timeoutMs, number}} ms',
    control_protocol_mismatch:
      'il parle le protocole de commande {{theirs}}, ce programme le {{ours}} ; mettez à jour le plus ancien',
    control_engine_broke_protocol:
      'le moteur a envoyé quelque chose d’inattendu : {{controlFault}}',
    control_engine_hung_up: 'le moteur a coupé la connexion : {{controlFault}}',
    control_engine_hung_up_said: 'le moteur a coupé la connexion : « {{detail}} »',
    running_app_no_answer:
      'Le Clearfacts Uploader en cours d’exécution n’a pas répondu ({{channel}}): {{reason}}.',
    answer_breaks_contract: 'La réponse à {{channel}} ne respecte pas le contrat.',
    request_too_large: 'La demande {{channel}} est trop volumineuse pour être envoyée.',
    internal: 'Un problème est survenu dans l’uploader.',

    // follow-up (issue #16): what Clearfacts did with each delivered invoice
    follow_up_missing_scope:
      'Le suivi dans Clearfacts est en pause : le jeton n’a pas la portée « {{scope}} ». Créez dans Clearfacts un jeton avec cette portée (menu du profil, Intégrations) et définissez-le ici.',
    follow_up_off: 'Le suivi dans Clearfacts est désactivé (Paramètres).',
    follow_up_offline: 'Le suivi dans Clearfacts est en pause : Clearfacts est injoignable.',
    follow_up_rate_limited: 'Clearfacts a demandé de ralentir ; le suivi reprendra plus tard.',
    follow_up_token_refused:
      'Le suivi dans Clearfacts est en pause jusqu’à ce qu’un jeton valide soit défini.',
    follow_up_followed: {
      one: '{{count, number}} facture suivie dans Clearfacts',
      other: '{{count, number}} factures suivies dans Clearfacts',
    },
    cf_status_unchecked: 'Pas encore vérifié',
    cf_status_received: 'Reçu',
    cf_status_processed: 'Traité · {{date, day}}',
    cf_status_unpaid: 'Traité · {{date, day}} · impayé',
    cf_status_paid: 'Payé · {{date, day}}',
    cf_status_not_known: 'Plus connu',
    cf_in_archive: 'Dans les archives · {{category}}',
    cf_checked_at: 'Vérifié {{at, datetime}}',
    cf_unpaid_purchases: {
      one: '{{count, number}} facture d’achat impayée',
      other: '{{count, number}} factures d’achat impayées',
    },
    unconfirmed_guide: {
      one: 'Envoyé {{sentAt, datetime}} ({{size, size}}, {{count, number}} page), mais Clearfacts ne l’a jamais confirmé. Pour vérifier : ouvrez ce dossier dans Clearfacts et cherchez « {{fileName}} » dans sa boîte de réception. S’il y est, choisissez Marquer comme fait ; sinon, choisissez Renvoyer.',
      other:
        'Envoyé {{sentAt, datetime}} ({{size, size}}, {{count, number}} pages), mais Clearfacts ne l’a jamais confirmé. Pour vérifier : ouvrez ce dossier dans Clearfacts et cherchez « {{fileName}} » dans sa boîte de réception. S’il y est, choisissez Marquer comme fait ; sinon, choisissez Renvoyer.',
    },
    // The CLI's own words.
    cli_error: 'Erreur : {{text}}',
    cli_stopped:
      'Arrêté. Les fichiers pas encore envoyés restent en file d’attente pour la prochaine fois.',
    cli_engine_running: 'actif dans {{shell}} (processus {{pid}}, version {{version}})',
    cli_engine_not_running: 'inactif (dossier de configuration {{configDir}})',
    cli_ui_open: 'Ouvrez {{url}} dans votre navigateur (cette adresse est privée). Ctrl-C arrête.',
    cli_ui_open_forwarding:
      'Ouvrez {{url}} dans votre navigateur (cette adresse est privée). Elle fonctionne avec le moteur déjà en cours d’exécution (processus {{pid}}). Ctrl-C arrête.',
    cli_ui_engine_gone:
      'Le moteur avec lequel cette page fonctionnait a disparu ({{reason}}), la page s’arrête donc aussi.',
    cli_ui_link_nothing_running:
      'Aucun Clearfacts Uploader ne fonctionne avec le répertoire de configuration {{configDir}} : il n’y a donc aucune page vers laquelle créer un lien. Lancez `clearfacts-uploader ui` : cette commande en démarre un et affiche son lien.',
    cli_ui_link_no_page:
      'Le Clearfacts Uploader qui fonctionne avec ce répertoire de configuration ({{shell}}, processus {{pid}}) ne sert aucune page dans le navigateur et n’a donc aucun lien à donner. Lancez `clearfacts-uploader ui` sans --link : cette commande sert une page qui fonctionne avec le moteur en cours d’exécution et affiche son lien.',
    cli_queue_not_running: 'inactive',
    cli_queue_not_running_waiting: {
      one: 'inactive : {{count}} fichier attend `watch`, `ui` ou l’application de bureau',
      other: 'inactive : {{count}} fichiers attendent `watch`, `ui` ou l’application de bureau',
    },
    cli_files_counts:
      '{{pending}} en attente, {{uploading}} en cours d’envoi, {{uploaded}} envoyés, {{failed}} en échec, {{held}} en attente de votre choix, {{unconfirmed}} non confirmés, {{duplicate}} en double',
    cli_folder_present: 'présent',
    cli_none: 'aucun',
    cli_last_upload: '{{fileName}} le {{at, time}} → {{uuid}}',
    cli_last_error: '{{fileName}} le {{at, time}} : {{text}}',
    cli_see_failed:
      'Affichez-les avec `clearfacts-uploader history --status failed,unconfirmed` ; puis `retry`, `resend` ou `mark-done`.',
    cli_see_held:
      'Des factures électroniques adressées à une autre administration attendent votre choix : affichez-les avec `clearfacts-uploader history --status held` ; puis `choose`.',
    cli_more_rows:
      '({{shown}} sur {{total}} ; utilisez --limit ou des filtres pour voir les autres)',
    cli_destination_archive: 'archive {{archiveType}} ({{categoryId}})',
    cli_pages: { one: '{{count}} page', other: '{{count}} pages' },
    cli_moved_to: 'déplacé vers {{folder}}',
    cli_marked_done: 'marqué comme fait',
    cli_combined_into: 'dans le document réuni {{id}}',
    cli_retrying: 'nouvel essai',
    cli_duplicate_sent_before:
      'le même contenu a déjà été envoyé à {{companyNumber}} ; pas renvoyé (`resend {{id}}` le force)',
    cli_resend_forces: '`resend {{id}}` le force',
    cli_queued_again: {
      one: '{{count}} fichier remis en file d’attente ; le moteur déjà actif l’envoie.',
      other: '{{count}} fichiers remis en file d’attente ; le moteur déjà actif les envoie.',
    },
    cli_file_queued: '{{fileName}} mis en file d’attente ; le moteur déjà actif l’envoie.',
    cli_file_dismissed: '{{fileName}} est écarté : il reste dans l’historique et n’est pas envoyé.',
    cli_e_invoice: '{{eInvoiceKind}} {{number}} de {{supplier}}',
    cli_e_invoice_no_number: '{{eInvoiceKind}} de {{supplier}}',
    cli_dismiss_choice: 'Écarter : le garder dans l’historique, sans l’envoyer',
    cli_file_marked_done: '{{fileName}} est enregistré comme envoyé ; il ne sera plus renvoyé.',
    cli_no_folders:
      'Aucun dossier n’est surveillé. Ajoutez-en un avec `clearfacts-uploader folders add <chemin> …`.',
    cli_folder_inbox: 'boîte de réception e-factures (selon les parties de la facture)',
    cli_folder_tree: 'arborescence comptable (selon le dossier)',
    cli_no_such_folder: 'Aucun dossier surveillé n’est {{folder}} : voir `folders list`.',
    cli_no_longer_watching: '{{folder}} n’est plus surveillé.',
    cli_folder_taken_over: 'Cette installation livre désormais {{folder}}.',
    cli_raw_name: '(renommé depuis {{name}} : ce nom n’était pas en UTF-8)',
    cli_size_sent: '{{sizeBytes, size}}',
    cli_bytes_sent: '{{sizeBytes, size}} envoyés',
    cli_check_kind: '{{fileType}}, {{sizeBytes, size}}',
    cli_check_kind_pages: {
      one: '{{fileType}}, {{count}} page, {{sizeBytes, size}}',
      other: '{{fileType}}, {{count}} pages, {{sizeBytes, size}}',
    },
    cli_change_prefix:
      'les {{bytes}} octet(s) avant %PDF- sont omis de la copie envoyée (sha256 {{sha256}}) ; le fichier n’est pas modifié',
    cli_change_envelope:
      'la facture contenue dans l’enveloppe Peppol est envoyée (sha256 {{sha256}}) ; le fichier n’est pas modifié',
    cli_change_converted: 'converti en PDF avant l’envoi ; le fichier n’est pas modifié',
    cli_would_be_sent: 'serait envoyé',
    cli_refused: 'refusé ({{code}}) : {{text}}',
    cli_check_e_invoice_total:
      '{{description}}, montant dû {{amount, number(minimumFractionDigits: 2)}} {{currency}}',
    cli_check_route_purchase: 'les achats de {{companyNumber}}, son client',
    cli_check_route_sale: 'les ventes de {{companyNumber}}, son fournisseur',
    cli_check_route_none:
      'aucune partie ne donne de numéro d’entreprise belge : dans une boîte de réception e-factures, elle attend que vous choisissiez l’administration',
    cli_check_schema_valid: 'suit le schéma UBL 2.1',
    cli_check_schema_invalid:
      'ne suit pas le schéma UBL 2.1 (ci-dessous) ; un avertissement seulement : elle est envoyée quand même',
    cli_check_schema_unchecked: 'non vérifiée selon le schéma UBL 2.1 (pourquoi : ci-dessous)',
    cli_check_schema_envelope:
      'la facture dans une enveloppe Peppol n’est pas vérifiée selon le schéma UBL 2.1',
    cli_outcome:
      'Envoyés : {{uploaded}}, en échec : {{failed}}, non confirmés : {{unconfirmed}}, en double et pas renvoyés : {{duplicate}}.',
    cli_check_unconfirmed:
      'Vérifiez les fichiers non confirmés dans Clearfacts, puis `clearfacts-uploader resend <id>` ou `mark-done <id>`.',
    cli_help_exit_codes:
      'Codes de sortie :\n  0  succès\n  1  échec, ou échec partiel (un fichier a échoué ou n’est pas confirmé)\n  2  mauvais usage (option inconnue, argument manquant ou invalide)\n  3  authentification : pas de jeton, un jeton refusé par Clearfacts, ou une portée manquante',
    cli_help_environment:
      'Environnement :\n  CLEARFACTS_TOKEN  le jeton à utiliser ; prime sur un jeton enregistré (tant qu’il est défini, `token set` n’est pas utilisé). Les autres processus de votre compte utilisateur peuvent lire l’environnement d’un processus (/proc/<pid>/environ, ps e) : préférez le trousseau (`token set`) ou CLEARFACTS_TOKEN_FILE\n  CLEARFACTS_TOKEN_FILE  un fichier contenant le jeton (secrets Docker, identifiants systemd) ; utilisé si CLEARFACTS_TOKEN n’est pas défini\n  CLEARFACTS_API_URL  l’adresse de Clearfacts, comme --api-url\n  {{tuningVariable}}  réglages de durée en JSON pour les tests et les mesures, p. ex. {{example}}',
    cli_help_after_error: '(lancez avec --help pour l’aide)',
    cli_usage_unknown_option: 'erreur : option inconnue {{option}}',
    cli_usage_unknown_command: 'erreur : commande inconnue {{command}}',
    cli_usage_did_you_mean: '(Vouliez-vous dire {{suggestion}} ?)',
    cli_usage_missing_argument: 'erreur : l’argument obligatoire {{argument}} manque',
    cli_usage_option_missing_argument: 'erreur : l’option {{option}} demande une valeur',
    cli_usage_missing_option: 'erreur : l’option obligatoire {{option}} n’est pas donnée',
    cli_usage_too_many_arguments: 'erreur : trop d’arguments : {{received}}',
    cli_usage_invalid_value: 'erreur : {{value}} n’est pas valable pour {{option}} : {{reason}}',
    cli_usage_choices: 'utilisez l’une de ces valeurs : {{choices}}.',
    cli_usage_folder_split_invalid:
      'utilisez off, separator, blank, blank-backs, page, pages:N (N de 2 à 999) ou bundle:N (N secondes, de 5 à 600).',
    cli_usage_split_invalid:
      'utilisez off, separator, blank, blank-backs, page ou pages:N (N de 2 à 999).',
    cli_usage_states_invalid: '« {{value}} » n’est pas un état ; utilisez {{choices}}.',
    cli_usage_in_clearfacts_invalid:
      '« {{value}} » n’est pas un état dans Clearfacts ; utilisez {{choices}}.',
    cli_usage_limit_invalid: 'la limite est un nombre entier de 1 à 1000.',
    cli_usage_port_invalid: 'un port est un nombre entier de 0 à 65535.',
    cli_usage_history_id:
      '« {{value}} » n’est pas un identifiant de l’historique : un identifiant est un nombre entier (voir `history`).',
    cli_usage_outage:
      '« {{value}} » n’est pas une panne : donnez le nombre qu’affiche `history --incidents`.',
    cli_usage_id_or_incident: 'Donnez soit un identifiant de fichier, soit --incident <panne>.',
    cli_usage_id_or_all: 'Donnez soit un identifiant de fichier, soit --all.',
    cli_usage_send_to_type: 'Avec --send-to, donnez --type purchase ou --type sale.',
    cli_usage_here_or_send_to:
      'Donnez soit --here, soit --send-to <numéro d’entreprise> --type <sorte>.',
    cli_usage_category_not_here: '--category ne vaut que pour --type various ou permanent.',
    cli_usage_category_needed:
      '--type {{typeValue}} demande --category <nom-ou-identifiant> : listez-les avec `clearfacts-uploader categories {{companyNumber}}`.',
    cli_usage_company_check_digits:
      '« {{value}} » n’est pas un numéro d’entreprise belge : ses deux derniers chiffres ne correspondent pas aux huit premiers (mod 97). Vérifiez s’il y a une faute de frappe.',
    cli_usage_company_form:
      '« {{value}} » n’est pas un numéro d’entreprise belge (0 suivi de 9 chiffres).',
    cli_usage_sheet_next_alone: 'Une feuille « next » ne prend ni --company ni --category.',
    cli_usage_sheet_no_category: 'Une feuille « {{sheetType}} » ne prend pas de --category.',
    cli_usage_sheet_needs_category:
      'Une feuille « {{sheetType}} » demande --category <name-or-id>.',
    cli_usage_sheet_category_invalid:
      '« {{value}} » n’est pas un identifiant de catégorie : il compte de 1 à 200 caractères.',
    cli_sheet_not_to_terminal:
      'La feuille est un PDF : envoyez la sortie standard vers un fichier, p. ex. `clearfacts-uploader separator-sheet --type next > feuille.pdf`.',
    cli_sheet_category_unchecked:
      'Attention : la catégorie « {{category}} » n’a pas pu être vérifiée parmi les catégories d’archive de {{companyNumber}} : {{reason}} La feuille est imprimée quand même ; si aucune catégorie de cette administration n’a ce nom ou cet identifiant, le document qui suit la feuille échouera lors du découpage du lot.',
    cli_sheet_category_unchecked_no_company:
      'Attention : la catégorie « {{category}} » n’est pas vérifiée, car la feuille ne nomme aucune administration (--company) : elle est cherchée parmi les catégories de l’administration où va chaque document qui suit la feuille, lors du découpage du lot.',
    cli_no_incidents:
      'Aucun fichier non confirmé : chaque envoi reçu par Clearfacts a été confirmé.',
    cli_no_categories: 'L’administration {{companyNumber}} n’a pas de catégories d’archive.',
    cli_token_prompt: 'Collez votre jeton Clearfacts (il n’est pas affiché) : ',
    cli_token_empty: 'Aucun jeton n’a été donné sur l’entrée standard.',
    cli_token_plain_question:
      'Aucun trousseau du système n’est utilisable ici. Conserver le jeton non chiffré dans {{configDir}}, lisible uniquement par votre compte utilisateur ?',
    cli_token_plain_refused:
      'Aucun trousseau du système n’est utilisable ici, le jeton n’a donc pas été conservé. Relancez avec --allow-plain-file pour le garder dans un fichier que seul votre compte peut lire (non chiffré), ou placez-le dans un fichier que vous seul pouvez lire et désignez ce fichier dans CLEARFACTS_TOKEN_FILE.',
    cli_token_stored: 'Jeton conservé ({{backend}}) pour {{user}}.',
    cli_token_unknown_user: 'utilisateur inconnu',
    cli_token_no_scopes: 'aucune trouvée',
    cli_token_not_encrypted: '(non chiffré)',
    cli_token_not_set: 'Aucun jeton n’est défini : lancez `clearfacts-uploader token set`.',
    cli_token_removed: 'Jeton supprimé ({{backend}}).',
    cli_engine_gone_queued: {
      one: 'Le moteur qui envoyait ces fichiers s’est arrêté ({{reason}}). {{count}} fichier reste en file d’attente et sera envoyé par la prochaine exécution.',
      other:
        'Le moteur qui envoyait ces fichiers s’est arrêté ({{reason}}). {{count}} fichiers restent en file d’attente et seront envoyés par la prochaine exécution.',
    },
    cli_engine_gone_here: {
      one: 'Le moteur qui envoyait ces fichiers s’est arrêté ({{reason}}) ; ce processus envoie l’autre fichier ({{count}}).',
      other:
        'Le moteur qui envoyait ces fichiers s’est arrêté ({{reason}}) ; ce processus envoie les {{count}} autres fichiers.',
    },
    cli_engine_gone_elsewhere: {
      one: 'Le moteur qui envoyait ces fichiers s’est arrêté ({{reason}}) ; le moteur actif maintenant envoie l’autre fichier ({{count}}).',
      other:
        'Le moteur qui envoyait ces fichiers s’est arrêté ({{reason}}) ; le moteur actif maintenant envoie les {{count}} autres fichiers.',
    },
    cli_queue_blocked: 'La file d’attente est bloquée.',
    cli_stay_queued: {
      one: '{{count}} fichier reste en file d’attente et sera envoyé par la prochaine exécution.',
      other:
        '{{count}} fichiers restent en file d’attente et seront envoyés par la prochaine exécution.',
    },
    cli_watch_no_folders:
      'Aucun dossier n’est encore surveillé : ajoutez-en un avec `clearfacts-uploader folders add` (cette exécution le prendra en compte).',
    cli_watch_waits_for_api:
      '`watch` continue : les fichiers attendent dans la file et sont envoyés dès que Clearfacts répond.',
    cli_watch_watching: {
      one: 'Surveillance de {{count}} dossier (paramètres et historique dans {{configDir}}). Ctrl-C arrête.',
      many: 'Surveillance de {{count}} dossiers (paramètres et historique dans {{configDir}}). Ctrl-C arrête.',
      other:
        'Surveillance de {{count}} dossiers (paramètres et historique dans {{configDir}}). Ctrl-C arrête.',
    },
    cli_watch_stopping: 'Arrêt ({{signal}}) : les envois en cours ont un moment pour se terminer.',
    cli_watch_progress:
      ' {bar} {value}/{total} fichiers | {uploading} en cours | {failed} en échec | {state}',
    cli_upload_progress: '{{fileName}} : {{sentBytes, size}} sur {{totalBytes, size}} envoyés',
    cli_service_unsupported:
      'Le fonctionnement en service est possible sous Linux (systemd), macOS (launchd) et Windows (Planificateur de tâches), pas sous {{platform}}.',
    cli_service_no_script: 'Le chemin du script de la commande est inconnu.',
    cli_service_token_file_missing: 'Le fichier de jeton {{path}} n’existe pas.',
    cli_service_env_token_not_copied:
      'Remarque : CLEARFACTS_TOKEN n’est pas copié dans le service (une définition de service n’est pas un endroit pour un secret). Enregistrez le jeton avec `clearfacts-uploader token set`, ou donnez --token-file.',
    cli_service_to_do: 'À faire : {{text}}',
    cli_service_logs:
      'Le service écrit son journal dans {{folder}} ; suivez-le avec `clearfacts-uploader service status`.',
    cli_service_installed: 'installé ({{definition}})',
    cli_service_not_installed: 'non installé',
    cli_service_not_asked: 'non interrogé',
    cli_service_lingering_off:
      'Le lingering est désactivé : le service s’arrête quand vous vous déconnectez.',
    cli_service_wrote: '{{path}} écrit.',
    cli_service_removed: '{{path}} supprimé.',
    cli_systemd_started: '{{unit}} activé et démarré (systemctl --user).',
    cli_systemd_unreachable:
      'systemd n’a pas pu être joint pour {{user}} ({{problem}}). Dans une session ouverte de {{user}}, lancez : systemctl --user daemon-reload && systemctl --user enable --now {{unit}}',
    cli_systemd_lingering_on:
      'Le lingering est activé pour {{user}} : le service tourne même sans personne de connecté.',
    cli_systemd_lingering_turned_on:
      'Lingering activé pour {{user}} : le service tourne même sans personne de connecté.',
    cli_systemd_lingering_failed:
      'Un service utilisateur s’arrête quand {{user}} se déconnecte, sauf si le lingering est activé, et il n’a pas pu l’être ({{problem}}). Lancez en root : loginctl enable-linger {{user}}',
    cli_systemd_lingering_off:
      'Le lingering est désactivé : le service ne tourne que tant que {{user}} est connecté. Pour qu’il tourne sans personne de connecté : loginctl enable-linger {{user}}',
    cli_systemd_stopped: '{{unit}} arrêté et désactivé.',
    cli_systemd_stop_failed:
      'systemd n’a pas pu arrêter {{unit}} ({{problem}}). Dans une session ouverte de {{user}}, lancez : systemctl --user disable --now {{unit}}',
    cli_systemd_detail:
      '{{active}} ({{sub}}), dernier code de sortie {{exitStatus}}, redémarré {{restarts}} fois',
    cli_systemd_not_asked: 'systemd ne peut pas être interrogé ({{problem}})',
    cli_launchd_loaded: '{{label}} chargé et démarré (launchctl {{domain}}).',
    cli_launchd_load_failed:
      'launchd n’a pas chargé l’agent ({{problem}}). Dans une session ouverte, lancez : {{command}}',
    cli_launchd_login_only:
      'Un launch agent tourne tant que vous êtes connecté (après un redémarrage, macOS ne le garde actif derrière l’écran de connexion qu’avec la connexion automatique).',
    cli_launchd_unloaded: '{{label}} arrêté et déchargé.',
    cli_launchd_detail: 'état = {{launchdState}}, dernier code de sortie = {{exitCode}}',
    cli_launchd_not_loaded: 'non chargé',
    cli_windows_commands:
      'Lancez dans une invite de commandes administrateur (elle demande votre mot de passe Windows, pour que la tâche tourne sans personne de connecté) :\n  {{create}}\n  {{run}}\nPour la voir :\n  {{query}}\nPour la supprimer :\n  {{remove}}\n',
    cli_windows_remove: 'Lancez dans une invite de commandes administrateur : {{command}}',
    cli_windows_not_asked:
      'Le Planificateur de tâches n’est pas interrogé d’ici : lancez {{command}}',
    api_url_not_url: 'L’adresse de l’API {{url}} n’est pas une URL comme {{example}}.',
    api_url_plain_http:
      'L’adresse de l’API doit utiliser https, sauf si elle se trouve sur cet ordinateur (127.0.0.1, localhost) ; {{host}} n’y est pas, et le jeton voyagerait sans chiffrement.',
    api_url_scheme: 'L’adresse de l’API doit être une URL https, pas {{scheme}}.',
    api_url_credentials:
      'L’adresse de l’API pour {{host}} contient un nom d’utilisateur ou un mot de passe ; donnez l’adresse sans eux (c’est le jeton qui connecte).',
    config_dir_unwritable:
      'Le dossier de configuration {{configDir}} n’est pas accessible en écriture ({{path}} est en lecture seule ou appartient à un autre utilisateur) : les paramètres et l’historique ne peuvent pas être conservés. Rendez-le accessible en écriture pour cet utilisateur, ou choisissez un autre dossier avec --config-dir.',
  },
  terms: {
    fileType: {
      exe: 'un programme Windows (EXE)',
      elf: 'un programme Linux',
      macho: 'un programme macOS',
      msi: 'un programme d’installation Windows',
      zip: 'une archive ZIP',
      rar: 'une archive RAR',
      '7z': 'une archive 7-Zip',
      gz: 'une archive gzip',
      tar: 'une archive TAR',
      docx: 'un document Word',
      xlsx: 'un classeur Excel',
      pptx: 'une présentation PowerPoint',
      odt: 'un texte OpenDocument',
      ods: 'un tableur OpenDocument',
      cfb: 'un ancien document Office (DOC, XLS ou MSG)',
      rtf: 'un document RTF',
      eml: 'un e-mail',
      png: 'une image PNG',
      gif: 'une image GIF',
      bmp: 'une image BMP',
      webp: 'une image WebP',
      heic: 'une photo HEIC',
      avif: 'une image AVIF',
      tif: 'une image TIFF',
      jpg: 'une image JPEG',
      pdf: 'un PDF',
      xml: 'un fichier XML',
      xml_invoice: 'une facture XML',
      svg: 'un dessin SVG',
      video: 'une vidéo',
      audio: 'un fichier audio',
      sqlite: 'un fichier de base de données',
      html: 'une page HTML',
      text: 'un fichier texte',
      binary: 'un fichier de type inconnu',
      other: 'un fichier d’un autre type',
    },
    archiveType: { various: 'divers', permanent: 'permanent' },
    subject: { file: 'le fichier', request: 'la demande' },
    networkProblem: {
      reset: 'la connexion a été réinitialisée',
      refused: 'la connexion a été refusée',
      aborted: 'la connexion a été interrompue',
      closed_while_sending: 'la connexion a été fermée pendant l’envoi',
      closed: 'la connexion a été fermée',
      dns: 'le nom du serveur n’a pas pu être résolu',
      timeout: 'la connexion a expiré',
      unreachable: 'le serveur est injoignable',
      no_network: 'il n’y a pas de réseau',
      blocked_port:
        'l’adresse utilise un port auquel les navigateurs et Node.js ne se connectent jamais',
      too_many_redirects: 'l’adresse a redirigé trop de fois',
      other: 'une erreur réseau',
    },
    endpointAnswer: {
      not_found: '« introuvable »',
      web_page: 'une page web',
      not_json: 'une réponse qui n’est pas du JSON',
      not_graphql: 'du JSON sans données ni erreurs GraphQL',
    },
    historyProblem: {
      missing: 'manquait',
      empty: 'était vide',
      damaged: 'était endommagée et a été mise de côté',
      incomplete: 'ne contenait pas toutes les livraisons',
    },
    storageProblem: {
      full: 'le disque est plein : libérez de l’espace',
      read_only: 'elle est en lecture seule : vérifiez ses droits',
      cannot_open:
        'elle ne peut pas être ouverte : vérifiez que son répertoire existe et est accessible en écriture',
      denied: 'accès refusé : vérifiez ses droits',
      io_refused:
        'le disque a refusé l’écriture (erreur d’entrée/sortie) : vérifiez que le disque est connecté et que le fichier n’est pas protégé en écriture',
      locked: 'un autre programme la garde verrouillée',
      corrupt:
        'elle est endommagée : restaurez-la depuis une sauvegarde ou mettez-la de côté pour repartir de zéro',
      not_a_database:
        'ce n’est pas une base de données d’historique : mettez-la de côté pour repartir de zéro',
      read_only_disk: 'elle se trouve sur un disque en lecture seule',
      io_error: 'le disque a signalé une erreur d’entrée/sortie',
    },
    state: {
      detected: 'trouvé',
      waiting_stability: 'en attente de la fin de l’écriture',
      ready: 'en file d’attente',
      uploading: 'en cours d’envoi',
      uploaded: 'envoyé',
      archived: 'envoyé, déplacé vers _uploaded',
      failed: 'en échec',
      duplicate: 'déjà envoyé',
      unconfirmed: 'non confirmé',
      held: 'en attente de votre choix',
      split: 'découpé en parties',
      bundling: 'dans une session de numérisation',
    },
    action: {
      retried: 'réessayé',
      resent: 'renvoyé',
      marked_done: 'marqué comme traité',
      revealed: 'affiché',
      // Dismissing failures (issue #14, ui-screens)
      dismissed: 'écarté',
      chosen: 'envoyé selon votre choix',
    },
    destination: { purchase: 'achats', sale: 'ventes' },
    eInvoiceKind: { invoice: 'facture', credit_note: 'note de crédit', correction: 'correction' },
    tokenStore: {
      keyring: 'le trousseau du système',
      file: 'un fichier sur cet ordinateur',
      tokenFile: 'le fichier que nomme CLEARFACTS_TOKEN_FILE',
      environment: 'la variable d’environnement CLEARFACTS_TOKEN',
      memory: 'en mémoire seulement, jusqu’à l’arrêt de l’uploader',
      memoryDemo: 'en mémoire seulement (démo)',
      safeStorage: 'chiffré avec le trousseau du système',
      safeStorageBasic: 'chiffré avec une clé fixe, sans trousseau (faible)',
    },
    eInvoiceRule: {
      br_01: 'BR-01 : la facture n’indique pas la spécification qu’elle suit (BT-24).',
      br_02: 'BR-02 : la facture n’a pas de numéro (BT-1).',
      br_03: 'BR-03 : la facture n’a pas de date d’émission (BT-2).',
      br_04: 'BR-04 : la facture n’a pas de code de type (BT-3).',
      br_05: 'BR-05 : la facture n’a pas de code de devise (BT-5).',
      br_06: 'BR-06 : le fournisseur n’a pas de nom (BT-27).',
      br_07: 'BR-07 : le client n’a pas de nom (BT-44).',
      br_16: 'BR-16 : la facture n’a pas de lignes (BG-25).',
      br_co_15:
        'BR-CO-15 : le total TVA comprise (BT-112) n’est pas le total hors TVA (BT-109) plus la TVA (BT-110).',
      br_co_16:
        'BR-CO-16 : le montant à payer (BT-115) n’est pas le total TVA comprise (BT-112) moins le montant payé (BT-113) plus l’arrondi (BT-114).',
      peppol_r001:
        'PEPPOL-EN16931-R001 : la facture n’a pas de processus métier (ProfileID, BT-23).',
      peppol_r003:
        'PEPPOL-EN16931-R003 : la facture n’a ni référence de l’acheteur (BT-10) ni référence de commande (BT-13).',
      peppol_common_r043:
        'PEPPOL-COMMON-R043 : un numéro d’entreprise ou de TVA belge de la facture ne respecte pas ses chiffres de contrôle (modulo 97).',
    },
    xsdProblem: {
      not_expected: 'cet élément n’est pas permis ici (inconnu, ou mal placé).',
      missing_child: 'un élément qu’il doit contenir manque.',
      invalid_value:
        'sa valeur n’est pas écrite comme le schéma le demande (une date comme 2026-03-14, un montant comme 1210.50).',
      other: 'il ne suit pas le schéma.',
    },
    xsdSkipReason: {
      too_large: 'la facture sans sa pièce jointe dépasse 1 million de caractères.',
      over_time:
        'la vérification a pris trop de temps et a été arrêtée ; la facture est envoyée quand même.',
      stopped:
        'le vérificateur de schéma s’est arrêté (il n’a pas pu démarrer ou a planté) ; la facture est envoyée quand même.',
      unreadable: 'le vérificateur de schéma n’a pas pu la lire comme du XML.',
    },
    platformFix: {
      darwin:
        'relevez la limite (ulimit -n 65536, ou sudo launchctl limit maxfiles 65536 200000) ou surveillez moins de répertoires',
      linux:
        'relevez la limite (ulimit -n 65536, et fs.inotify.max_user_instances via sysctl) ou surveillez moins de répertoires',
      other: 'fermez d’autres programmes ou surveillez moins de répertoires',
    },
    fileSystem: {
      nfs: 'un partage réseau NFS',
      smb: 'un partage réseau SMB',
      smb_cifs: 'un partage réseau SMB/CIFS',
      smb2: 'un partage réseau SMB2',
      netware: 'un partage réseau NetWare',
      afp: 'un partage réseau AFP',
      webdav: 'un partage réseau WebDAV',
      ftp: 'un partage réseau FTP',
      coda: 'un système de fichiers réseau Coda',
      afs: 'un système de fichiers réseau AFS',
      ceph: 'un système de fichiers réseau Ceph',
      lustre: 'un système de fichiers réseau Lustre',
      gfs2: 'un système de fichiers en cluster GFS2',
      ocfs2: 'un système de fichiers en cluster OCFS2',
      nine_p: 'un répertoire partagé 9P (WSL ou machine virtuelle)',
      virtualbox: 'un répertoire partagé VirtualBox',
      fuse: 'un système de fichiers FUSE (sshfs, partages réseau GNOME, rclone, …)',
      windows_share: 'un partage réseau Windows (chemin UNC)',
      mapped_drive: 'un lecteur réseau connecté',
      external_volume: 'un disque externe ou réseau',
    },
    queueState: {
      idle: 'au repos',
      uploading: 'envoi en cours',
      paused: 'en pause',
      offline: 'hors ligne',
      auth_required: 'jeton requis',
      scope_missing: 'droit manquant',
      storage_error: 'erreur de stockage',
    },
    folderAvailability: {
      starting: 'démarrage',
      watching: 'surveillé',
      polling: 'vérifié régulièrement',
      unavailable: 'indisponible',
    },
    controlFault: {
      not_json: 'un message n’est pas une ligne de JSON UTF-8',
      too_long: 'un message est trop long',
      not_a_frame: 'un message n’appartient pas au canal de commande',
      no_hello_first: 'il ne s’est pas présenté d’abord',
      hello_twice: 'il s’est présenté deux fois',
      idle: 'rien n’a été envoyé pendant trop longtemps',
      not_reading: 'les réponses n’ont pas été lues',
    },
    shell: {
      electron: 'l’application de bureau',
      browser: '`clearfacts-uploader ui`',
      cli: 'une commande `clearfacts-uploader`',
    },
    cliLabel: {
      engine: 'Moteur',
      queue: 'File d’attente',
      history: 'Historique',
      hold: 'Blocage',
      files: 'Fichiers',
      folder: 'Dossier',
      last_upload: 'Dernier envoi',
      last_error: 'Dernière erreur',
      follow_up: 'Suivi',
      type: 'sorte',
      change: 'changement',
      verdict: 'décision',
      service: 'Service',
      user: 'Utilisateur',
      email: 'E-mail',
      scopes: 'Autorisations',
      checked_at_upload: 'Vérifiées au premier envoi',
      stored: 'Conservé',
      warning: 'Avertissement',
      content: 'contenu',
      goes_to: 'va vers',
      schema: 'schéma',
    },
    cliColumn: {
      id: 'ID',
      state: 'ÉTAT',
      file: 'FICHIER',
      to: 'VERS',
      when: 'QUAND',
      in_clearfacts: 'DANS CLEARFACTS',
      why: 'POURQUOI',
      path: 'CHEMIN',
      goes_to: 'DESTINATION',
      split: 'DÉCOUPE',
      pending: 'EN ATTENTE',
      uploaded: 'ENVOYÉS',
      failed: 'EN ÉCHEC',
      type: 'SORTE',
      name: 'NOM',
      company: 'ENTREPRISE',
      account_manager: 'GESTIONNAIRE DE DOSSIER',
      sent: 'ENVOYÉ',
      size_sent: 'TAILLE ENVOYÉE',
    },
    cliHelp: {
      program:
        'Envoie de façon fiable factures et documents d’archive depuis des dossiers vers Clearfacts.',
      config_dir: 'paramètres, historique et journaux',
      api_url: 'l’adresse GraphQL de Clearfacts',
      debug: 'journal détaillé et traces de pile',
      version: 'afficher le numéro de version',
      help_option: 'afficher l’aide de la commande',
      help_command: 'afficher l’aide d’une commande',
      token: 'définir, vérifier ou supprimer le jeton Clearfacts',
      token_set:
        'lire un jeton sur l’entrée standard (ou le demander), le vérifier auprès de Clearfacts et l’enregistrer',
      allow_plain_file:
        'sans trousseau système : accepter de garder le jeton dans <config-dir>/token (mode 0600, non chiffré)',
      json_result: 'afficher le résultat en JSON',
      token_check: 'demander à Clearfacts à qui appartient le jeton enregistré et ce qu’il permet',
      token_clear: 'supprimer le jeton enregistré',
      administrations: 'lister les administrations que le jeton peut atteindre',
      json_them: 'les afficher en JSON',
      categories:
        'lister les catégories d’archive d’une administration (noms et identifiants pour --category)',
      folders: 'les dossiers surveillés',
      folders_add:
        'surveiller un dossier et envoyer ce qui y apparaît vers une administration et une destination',
      json_folders: 'afficher les dossiers en JSON',
      folders_tree:
        'créer une arborescence de comptable (<administration>/Achats, Ventes, Archive/…) sous <root> et la surveiller',
      folders_inbox:
        'surveiller la boîte de factures électroniques d’un comptable : chaque facture va à l’administration de son client (achat) ou de son fournisseur (vente)',
      folders_list: 'lister les dossiers surveillés',
      folders_remove: 'arrêter de surveiller un dossier (ses fichiers restent où ils sont)',
      folders_take_over:
        'livrer un dossier qu’une autre installation avait, une fois qu’elle est silencieuse depuis un moment',
      company: 'l’administration, par numéro d’entreprise (0123456789)',
      type: 'où vont les documents',
      category:
        'catégorie d’archive, par nom ou identifiant ; obligatoire pour divers et permanent (voir `categories`)',
      folder_split:
        'ce que le dossier fait de ce qui arrive : off, separator, blank, blank-backs, page ou pages:N découpent les lots scannés (PDF) comme pour upload ; bundle:N réunit les fichiers JPEG, PNG et PDF d’une session de numérisation en un seul PDF, dans l’ordre des noms, dès que le dossier est calme depuis N secondes (5 à 600 ; 30 est habituel)',
      split:
        'découper les lots scannés (PDF) en documents : off, separator (sur feuilles de séparation), blank (sur les pages blanches, gardées à part), blank-backs (non découpé, pages blanches retirées et gardées à part), page ou pages:N',
      upload:
        'envoyer des fichiers maintenant et attendre que chacun soit envoyé ou en échec (ils ne sont pas déplacés)',
      json_outcomes: 'afficher le résultat de chaque fichier en JSON',
      check: 'dire ce qui arriverait à chaque fichier, sans rien envoyer',
      check_json: 'afficher l’aperçu de chaque fichier en JSON',
      watch: 'surveiller les dossiers et envoyer ce qui y apparaît, jusqu’à Ctrl-C',
      watch_json: 'afficher chaque événement sur une ligne JSON',
      history: 'ce qui est arrivé à chaque fichier, du plus récent au plus ancien',
      history_status: 'seulement ces états, séparés par des virgules',
      history_company: 'seulement cette administration',
      history_search: 'seulement les noms de fichier contenant ce texte',
      history_in_clearfacts: 'seulement les fichiers que Clearfacts a désignés ainsi en dernier',
      history_limit: 'au plus ce nombre de fichiers (1-1000)',
      history_incidents:
        'seulement les fichiers non confirmés, groupés par la panne qui les a laissés non confirmés',
      history_json:
        'afficher les fichiers en JSON : { rows, total, followUp } (inClearfacts : ce que Clearfacts a dit en dernier)',
      retry:
        'vérifier à nouveau un fichier en échec ou en double et l’envoyer (--all : chaque fichier en échec)',
      retry_all: 'chaque fichier en échec',
      resend:
        'renvoyer un fichier non confirmé ou en double, même s’il est peut-être déjà dans Clearfacts (--incident : chaque fichier non confirmé d’une panne)',
      incident: 'chaque fichier non confirmé de cette panne (voir history --incidents)',
      json_outcome: 'afficher le résultat en JSON',
      choose:
        'envoyer une facture électronique retenue : à l’administration qu’elle désigne (--send-to avec --type), ou là où elle est (--here)',
      choose_send_to: 'numéro d’entreprise de l’administration à qui l’envoyer',
      choose_type: 'achats ou ventes, avec --send-to',
      choose_here: 'l’envoyer quand même là où elle est',
      dismiss: 'garder un fichier en échec ou en attente comme trace : plus compté, jamais envoyé',
      mark_done:
        'noter un fichier non confirmé comme arrivé (vous l’avez vu dans Clearfacts ; --incident : chaque fichier non confirmé d’une panne)',
      status:
        'l’état du moteur : files d’attente, blocages, dossiers, dernier envoi et dernière erreur, et pourquoi le suivi dans Clearfacts est en pause s’il l’est ; sort avec 1 quand quelque chose vous attend (fichiers en échec ou non confirmés, pas de jeton utilisable, une portée manquante, un historique impossible à écrire, un dossier indisponible)',
      status_json:
        'l’afficher en JSON : { running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
      separator_sheet:
        'écrire une feuille de séparation imprimable (PDF) sur la sortie standard : placez-en une devant chaque document d’une pile scannée',
      sheet_type: 'ce que fait la feuille : next, ou la destination du document suivant',
      sheet_company: 'le document suivant va à cette administration (0123456789)',
      sheet_category: 'la catégorie d’archive (divers et permanent)',
      ui: 'servir l’application à votre navigateur (loopback uniquement) pendant que le moteur tourne, ou relayer vers le moteur qui tourne déjà',
      ui_port: 'le port local (par défaut : un port libre)',
      ui_link:
        'afficher un nouveau lien privé vers la page que sert le `ui` en cours, sur une ligne, puis s’arrêter (pour un script qui l’ouvre)',
      ui_allow_plain_file:
        'sans trousseau système : accepter de garder un jeton avec lequel vous vous connectez dans <config-dir>/token (non chiffré)',
      service:
        'faire tourner `watch` comme service de cette machine (systemd, launchd, Planificateur de tâches)',
      service_install:
        'écrire la définition du service pour ce dossier de configuration, l’activer et le démarrer (sous Windows : afficher les commandes)',
      service_token_file:
        'le service lit le jeton dans ce fichier (CLEARFACTS_TOKEN_FILE), p. ex. un identifiant systemd',
      service_no_linger:
        'systemd : ne pas activer le lingering (le service s’arrête alors à la déconnexion)',
      service_print: 'afficher la définition au lieu de l’installer',
      service_uninstall: 'arrêter le service et supprimer sa définition',
      service_status:
        'la vue du gestionnaire de services et l’état du moteur (comme `status`) ; sort avec 1 quand le service ne tourne pas ou que quelque chose vous attend',
      service_status_json:
        'l’afficher en JSON : { service, running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
      title_usage: 'Utilisation :',
      title_arguments: 'Arguments :',
      title_options: 'Options :',
      title_global_options: 'Options générales :',
      title_commands: 'Commandes :',
      usage_options: '[options]',
      usage_command: '[commande]',
      extra_default: 'par défaut :',
      extra_choices: 'choix :',
    },
  },
};
