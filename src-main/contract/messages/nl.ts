// Belgian Dutch. Same codes and placeholders as en.ts (a test compares them).
import type { Catalogue } from './catalogue.ts';

const ACCEPTED =
  'Clearfacts aanvaardt PDF, JPEG en UBL / Peppol BIS XML-facturen; PNG-afbeeldingen worden omgezet naar PDF.';
const SET_TOKEN = 'in Instellingen, of met `clearfacts-uploader token set`';
const PUT_IT_IN =
  'zet het in Aankoop, Verkoop, Archief/Diverse/<categorie> of Archief/Permanent/<categorie>';

export const nl: Catalogue = {
  messages: {
    legacy_text: '{{text}}',

    file_gone: 'Het bestand is er niet meer: het werd verplaatst of verwijderd.',
    file_locked:
      'Het bestand is vergrendeld door een ander programma. Het wordt opnieuw gecontroleerd zodra het vrijgegeven is.',
    file_no_access:
      'Het bestand kan niet gelezen worden: controleer de rechten, of een ander programma het open heeft.',
    not_a_file: 'Dit is een map of een apparaat, geen bestand.',
    file_empty: 'Het bestand is leeg (0 bytes): de scan of download is niet afgewerkt.',
    type_unsupported: `Dit is {{actual}}. ${ACCEPTED}`,
    type_unsupported_not_expected: `Dit is {{actual}}, niet {{expected}}. ${ACCEPTED}`,
    tiff_refused: `Dit is een TIFF-afbeelding: Clearfacts aanvaardt die niet en deze app kan ze niet omzetten. Stel de scanner in om PDF of JPEG te bewaren. ${ACCEPTED}`,
    xml_too_large:
      'Dit XML-bestand is {{sizeBytes, sizeAboveLimit}}; er kan hoogstens {{maxBytes, size}} worden opgeladen. Een e-factuur is zo groot door de PDF die erin zit: vraag de leverancier om een versie met een kleinere PDF, of laad de PDF apart op.',
    file_too_large:
      'Het bestand is {{sizeBytes, sizeAboveLimit}}; er kan hoogstens {{maxBytes, size}} opgeladen worden. Splits het of scan met een lagere resolutie.',
    png_damaged:
      'Deze PNG-afbeelding is onvolledig of beschadigd (misschien afgebroken tijdens het bewaren), dus ze kan niet naar PDF omgezet worden.',
    jpeg_incomplete:
      'Deze JPEG-afbeelding is onvolledig: ze stopt vóór haar eindmarkering, dus ze werd afgebroken tijdens het scannen of kopiëren. Ze wordt verstuurd zodra ze volledig is; blijft ze zo, scan of bewaar ze dan opnieuw.',
    pdf_encrypted:
      'Deze PDF is beveiligd met een wachtwoord of versleuteld, dus Clearfacts kan hem niet lezen. Bewaar een onbeveiligde kopie (bijvoorbeeld met "Afdrukken naar PDF") en zet die in de map.',
    pdf_no_pages: 'Deze PDF heeft geen pagina’s, dus er is niets te versturen.',
    pdf_page_count_mismatch:
      'Volgens de paginalijst van deze PDF is het aantal pagina’s {{declaredPages, number}}, maar het bestand bevat er {{foundPages, number}}, dus PDF-lezers tonen een verschillend aantal pagina’s en Clearfacts zou een ander aantal kunnen tonen. Open hem in een PDF-lezer en sla hem opnieuw op, of druk hem af naar PDF, en zet die kopie in de map.',
    pdf_page_tree_miscounted:
      'De paginalijst van deze PDF telt de pagina’s van een van zijn delen verkeerd, dus PDF-lezers die op die tellingen afgaan (die van Firefox bijvoorbeeld) laten sommige pagina’s weg of tonen ze twee keer, en Clearfacts zou dat ook kunnen doen. Open hem in een PDF-lezer en sla hem opnieuw op, of druk hem af naar PDF, en zet die kopie in de map.',
    pdf_incomplete_no_end_marker:
      'Deze PDF stopt vóór zijn eindmarkering (%%EOF): hij werd afgebroken tijdens het schrijven, downloaden of kopiëren, en de laatste pagina’s kunnen ontbreken. Kopieer hem opnieuw van waar hij vandaan kwam, of scan of bewaar hem opnieuw.',
    pdf_incomplete_in_update:
      'Deze PDF stopt midden in een latere toevoeging (een incrementele update zonder eindmarkering): hij werd afgebroken tijdens het schrijven of kopiëren, en de laatste wijzigingen of pagina’s kunnen ontbreken. Kopieer hem opnieuw van waar hij vandaan kwam, of bewaar hem opnieuw.',
    pdf_needs_password:
      'Deze PDF vraagt een wachtwoord om te openen, dus Clearfacts kan hem niet lezen. Open hem met het wachtwoord, bewaar een kopie zonder wachtwoord (bijvoorbeeld met "Afdrukken naar PDF") en zet die kopie in de map.',
    pdf_unreadable:
      'Deze app leest PDF’s met de lezer die in Firefox zit, en die kon dit bestand niet lezen, ook niet na een herstelpoging. Open het in uw PDF-lezer, bewaar er dan een kopie van (bijvoorbeeld met "Afdrukken naar PDF"); scan of bewaar het anders opnieuw.',
    pdf_xfa_only:
      'Deze PDF is een dynamisch XFA-formulier: de inhoud staat niet op de pagina’s (die zeggen enkel "even geduld" of iets gelijkaardigs), en Clearfacts leest pagina’s. Open hem in Adobe Acrobat Reader, druk hem af naar een PDF en verstuur die kopie.',
    pdf_prefix_too_long:
      'Dit is een PDF, maar er staan {{prefixBytes, number}} bytes van iets anders vóór het begin (%PDF-). Deze app laat vóór het versturen hoogstens {{limitBytes, number}} zulke bytes weg, en Clearfacts wil dat een PDF met %PDF- begint. Open hem in een PDF-lezer en sla hem opnieuw op, of druk hem af naar PDF, en zet die kopie hier.',
    check_over_time:
      'Het nakijken van deze PDF duurde langer dan deze app per bestand toelaat ({{limitSeconds}} s). Het bestand kan in orde zijn; de app stopt hier zodat de andere bestanden doorgaan. Bewaar een kopie met "Afdrukken naar PDF", of laad hem op via de website van Clearfacts.',
    check_over_memory:
      'Het nakijken van deze PDF vroeg meer geheugen dan deze app per bestand toelaat ({{limitBytes, size}}). Het bestand kan in orde zijn; de app stopt hier zodat de computer vlot blijft. Bewaar een kopie met "Afdrukken naar PDF", of laad hem op via de website van Clearfacts.',
    pdf_damaged: 'Deze PDF is beschadigd en kan niet gelezen worden. Scan of bewaar hem opnieuw.',
    pdf_incomplete:
      'Deze PDF is onvolledig: de eindmarkering ontbreekt, dus hij werd afgebroken tijdens het schrijven of kopiëren. Scan of bewaar hem opnieuw.',
    xml_malformed:
      'Dit XML-bestand is niet correct opgebouwd (misschien afgebroken of beschadigd), dus het kan niet als factuur gelezen worden.',
    xml_malformed_at:
      'Dit XML-bestand is niet correct opgebouwd op regel {{line}}, kolom {{column}} (misschien afgebroken of beschadigd), dus het kan niet als factuur gelezen worden.',
    xml_bytes_not_in_encoding:
      'Dit XML-bestand bevat bytes die geen geldige {{encoding}} zijn, de tekencodering die het opgeeft (of UTF-8 als het er geen opgeeft). Vraag de afzender om een bestand in UTF-8, of met de juiste codering in de aanhef.',
    xml_nested_too_deep:
      'Dit XML-bestand heeft elementen die meer dan {{limit}} niveaus diep in elkaar zitten, veel dieper dan in een factuur, dus het wordt niet verder gelezen (misschien beschadigd, of gemaakt om de lezer te overbelasten).',
    xml_declares_entities:
      'Dit XML-bestand declareert eigen entiteiten in een DOCTYPE. Geen enkele e-factuur doet dat, en zulke declaraties kunnen een lezer eindeloos tekst laten uitbreiden of andere bestanden laten lezen, dus het wordt niet verder gelezen en niet verzonden. Vraag de afzender om de factuur zonder DOCTYPE.',
    xml_markup_too_long:
      'Dit XML-bestand heeft een attribuutwaarde, commentaar of naam langer dan {{limitKiB}} KiB, veel langer dan een factuur nodig heeft, dus het wordt niet verder gelezen. Vraag de afzender om de factuur zonder.',
    xml_no_single_root:
      'Dit XML-bestand heeft geen enkelvoudig hoofdelement, dus het is geen factuur.',
    xml_html_page: 'Dit is een HTML-pagina, geen XML-factuur.',
    xml_other_document:
      'Dit XML-bestand is een "{{rootName}}"-document, geen UBL / Peppol BIS-factuur of creditnota.',
    xml_invoice_wrong_namespace:
      'Dit XML-bestand heeft een Invoice-hoofdelement, maar niet in de UBL 2-naamruimte (urn:oasis:names:specification:ubl:schema:xsd:Invoice-2), dus het is geen UBL / Peppol BIS-factuur.',
    xml_credit_note_wrong_namespace:
      'Dit XML-bestand heeft een CreditNote-hoofdelement, maar niet in de UBL 2-naamruimte (urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2), dus het is geen UBL / Peppol BIS-creditnota.',

    xml_envelope_without_invoice:
      'Dit is een Peppol-envelop (SBDH), maar er zit geen UBL-factuur of creditnota in.',
    xml_unreadable_encoding:
      'Dit XML-bestand gebruikt de tekencodering "{{encoding}}", die niet gelezen kan worden. Bewaar het als UTF-8.',
    e_invoice_cii:
      'Dit is een UN/CEFACT CII-e-factuur (Factur-X / ZUGFeRD XML), die Clearfacts niet aanvaardt. Vraag de leverancier om de Peppol BIS 3-versie (UBL), of laad de PDF op.',
    bank_statement_coda:
      'Niet opgeladen: dit is een CODA-rekeninguittreksel. Clearfacts krijgt rekeninguittreksels rechtstreeks van CodaBox.',
    bank_statement_camt053:
      'Niet opgeladen: dit is een camt.053-rekeninguittreksel. Clearfacts krijgt rekeninguittreksels rechtstreeks van CodaBox.',
    // Issue #18: e-facturen gerouteerd, gekoppeld, ontdubbeld en gecontroleerd
    e_invoice_customer_elsewhere:
      'Deze factuur is gericht aan {{name}} ({{companyNumber}}), niet aan {{administration}}.',
    e_invoice_supplier_elsewhere:
      'Deze factuur is uitgereikt door {{name}} ({{companyNumber}}), niet door {{administration}}, dus het is geen verkoop van die administratie.',
    e_invoice_inbox_both_clients:
      'Zowel de leverancier ({{supplier}}) als de klant ({{customer}}) zijn administraties die u kunt bereiken: kies waar deze factuur heen gaat.',
    e_invoice_inbox_no_client:
      'De leverancier ({{supplier}}) noch de klant ({{customer}}) is een administratie die u kunt bereiken.',
    e_invoice_inbox_number_twice:
      'Meerdere administraties die u kunt bereiken hebben ondernemingsnummer {{companyNumber}} ({{names}}): kies de juiste.',
    e_invoice_party_two_administrations:
      'Deze factuur vermeldt {{name}} met de nummers van meer dan één van uw administraties ({{names}}): kies waar ze heen gaat.',
    e_invoice_endpoint_other_administration:
      'Deze factuur vermeldt {{party}} als partij, met het Peppol-adres van {{endpoint}}, ook een van uw administraties: kies waar ze heen gaat.',
    e_invoice_inbox_no_numbers:
      'Deze factuur vermeldt geen Belgisch ondernemingsnummer voor de leverancier of de klant, dus ze kan niet gerouteerd worden.',
    inbox_not_e_invoice:
      'Niet verstuurd: uit een e-factuurinbox gaan alleen e-facturen (UBL XML), omdat hun partijen zeggen bij welke administratie ze horen. Zet dit bestand in de map van een klant, of sleep het naar de juiste administratie.',
    e_invoice_already_sent:
      'Dezelfde factuur (leverancier, nummer en bedrag) werd al op {{at, date}} naar deze administratie verstuurd als {{fileName}}.',
    pdf_sent_with_xml: 'Verstuurd als deel van {{fileName}}: deze PDF is de PDF die erin zit.',
    pdf_differs_from_xml:
      '{{fileName}} werd verstuurd; deze PDF verschilt van de PDF die erin zit. Deze ook versturen?',
    e_invoice_visual_already_sent:
      'De PDF die in deze e-factuur zit, werd al op {{at, date}} naar deze administratie verstuurd als {{fileName}}: dezelfde factuur.',
    pdf_inside_unsent_xml:
      'Niet apart verstuurd: deze PDF is de PDF die in {{fileName}} zit, en dat bestand werd niet verstuurd (zie zijn rij). De factuur gaat mee met de XML.',
    pdf_beside_unsent_xml:
      '{{fileName}} werd niet verstuurd (zie zijn rij); deze PDF heeft dezelfde naam maar verschilt van de PDF die erin zit. Deze PDF hier versturen?',
    pdf_waits_for_xml:
      'Wacht op {{fileName}}: als deze PDF de PDF is die erin zit, wordt alleen de XML verstuurd.',
    pdf_sent_without_xml:
      'Apart verstuurd: {{fileName}} werd na de langste wachttijd nog altijd geschreven, dus deze PDF werd er niet mee vergeleken.',
    choice_send_to: 'Versturen naar {{name}} ({{destination}})',
    choice_send_here: 'Toch hier versturen',
    choice_pick_administration: 'Administratie kiezen…',
    e_invoice_advice: 'Advies: {{eInvoiceRule}}',
    ubl_xsd_invalid: 'Advies: UBL 2.1-schema, regel {{line, number}}, {{element}}: {{xsdProblem}}',
    ubl_xsd_unchecked: 'Advies: niet gecontroleerd tegen het UBL 2.1-schema: {{xsdSkipReason}}',
    hold_choice_unknown: '{{fileName}} biedt die keuze niet (meer) aan.',
    hold_choice_name_administration:
      '{{fileName}}: kies de administratie waar het heen gaat, en aankopen of verkopen.',

    file_removed_before_send: 'Het bestand werd verwijderd of hernoemd voor het verstuurd werd.',
    file_permission_denied: 'Het bestand kan niet gelezen worden: controleer de rechten.',
    file_unreadable: 'Het bestand kon niet gelezen worden.',
    conversion_failed: 'De afbeelding kon niet naar PDF omgezet worden.',
    upload_unconfirmed:
      'Het hele bestand werd verstuurd, maar Clearfacts antwoordde niet op tijd, dus het is misschien aangekomen. Kijk na in Clearfacts en verstuur het dan opnieuw of markeer het als afgehandeld.',
    send_interrupted:
      'De app stopte terwijl dit bestand verstuurd werd, dus het is misschien aangekomen. Kijk na in Clearfacts en verstuur het dan opnieuw of markeer het als afgehandeld.',
    retry_offline: 'Clearfacts was niet bereikbaar; het wordt opnieuw geprobeerd.',
    retry_http_status: 'Clearfacts antwoordde HTTP {{status}}; het wordt opnieuw geprobeerd.',
    retry_local: 'Versturen mislukte door een lokale oorzaak; het wordt opnieuw geprobeerd.',
    gave_up_http_status:
      'Clearfacts antwoordde HTTP {{status}}. Na {{attempts}} pogingen werd opgegeven; probeer het later opnieuw.',
    gave_up_local:
      'Versturen mislukte door een lokale oorzaak. Na {{attempts}} pogingen werd opgegeven; probeer het later opnieuw.',
    after_upload_folder_gone:
      'Het bestand werd opgeladen, maar zijn map ({{folder}}) was er niet meer toen het verplaatst of verwijderd moest worden (hernoemd, verwijderd of losgekoppeld). Kijk na waar het bestand nu staat.',
    after_upload_no_space:
      'Verstuurd naar Clearfacts (het wordt niet opnieuw verstuurd), maar er was geen ruimte meer om het naar {{folder}} te verplaatsen. Het blijft waar het is, en het verplaatsen wordt elke minuut opnieuw geprobeerd tot er ruimte is.',
    after_upload_no_permission:
      'Verstuurd naar Clearfacts (het wordt niet opnieuw verstuurd), maar de app mag het niet naar {{folder}} verplaatsen (geen toestemming, of een alleen-lezen of bezette schijf). Het blijft waar het is, en het verplaatsen wordt elke minuut opnieuw geprobeerd.',
    name_not_utf8_unrenamed:
      'De naam van dit bestand is geen geldige UTF-8 (hier getoond zoals gelezen in Windows-1252), en de app kon het die leesbare naam niet geven ({{error}}), wat nodig is om het te versturen. Hernoem het bestand zelf, of laat de app in zijn map schrijven.',
    after_upload_failed:
      'Verstuurd naar Clearfacts, maar het bestand kon daarna niet verplaatst of verwijderd worden; het blijft waar het is.',
    changed_after_send:
      'Het bestand veranderde nadat het verstuurd werd, dus het bleef staan; de nieuwe versie wordt als nieuw bestand gecontroleerd. Clearfacts bewaart de eerder verstuurde versie als document {{uuid}}: was die onvolledig of is ze niet gewenst, verwijder ze daar.',
    token_refused_hold: `Clearfacts aanvaardt de token niet meer (ingetrokken of onbekend). Stel een nieuwe token in om verder te gaan: ${SET_TOKEN}.`,
    token_refused_hold_env:
      'Clearfacts aanvaardt de token uit de omgevingsvariabele {{variable}} niet meer (ingetrokken of onbekend). Wijzig {{variable}} waar ze ingesteld is (shellprofiel, servicedefinitie, geplande taak) en start opnieuw: zolang ze ingesteld is, wordt een door de app bewaarde token niet gebruikt.',
    scope_hold:
      'De token mist de scope {{scope}}, dus de bestanden die hem nodig hebben wachten. Maak in Clearfacts een token met {{scope}} en stel die in om verder te gaan.',
    unknown_administration:
      'Clearfacts weigerde het bestand: de administratie met ondernemingsnummer {{companyNumber}} is niet bereikbaar met deze token. Controleer de administratie van de map.',
    unknown_category:
      'Clearfacts weigerde het bestand: de administratie met ondernemingsnummer {{companyNumber}} heeft die archiefcategorie ({{archiveType}}) niet meer. Kies een andere categorie voor de map.',

    api_no_token:
      'Er is geen Clearfacts-token ingesteld: stel eerst een persoonlijke toegangstoken in.',
    api_token_refused:
      'Clearfacts aanvaardde de token niet (HTTP {{status}}). Hij is onbekend, ingetrokken of verkeerd getypt: stel een nieuwe persoonlijke toegangstoken in.',
    api_token_refused_said:
      'Clearfacts aanvaardde de token niet (HTTP {{status}}: {{serverMessage}}). Hij is onbekend, ingetrokken of verkeerd getypt: stel een nieuwe persoonlijke toegangstoken in.',
    api_missing_scope:
      'De token mist de scope "{{scope}}" die Clearfacts hiervoor vereist. Maak in Clearfacts een token met die scope (profielmenu, Integraties) en stel hem hier in.',
    api_server_error:
      'Clearfacts meldde een interne serverfout; dit wordt later opnieuw geprobeerd.',
    api_refused: 'Clearfacts weigerde {{subject}}: {{serverMessage}}',
    api_refused_status: 'Clearfacts weigerde {{subject}} (HTTP {{status}}).',
    api_refused_too_large: 'Clearfacts weigerde {{subject}} omdat het te groot is (HTTP 413).',
    api_rate_limited: 'Clearfacts vroeg om trager te gaan (HTTP 429).',
    api_rate_limited_for:
      'Clearfacts vroeg om trager te gaan (HTTP 429); nieuwe poging over {{seconds, number}} s.',
    api_unavailable_status:
      'Clearfacts is tijdelijk niet beschikbaar (HTTP {{status}}); dit wordt later opnieuw geprobeerd.',
    api_timeout_after_send:
      'Clearfacts antwoordde niet binnen {{seconds, number}} s nadat het bestand verstuurd was: het is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_aborted_after_send:
      'Het opladen werd gestopt voor Clearfacts antwoordde, nadat het bestand verstuurd was: het is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_timeout:
      'Clearfacts antwoordde niet binnen {{seconds, number}} s; dit wordt later opnieuw geprobeerd.',
    api_request_stopped: 'De aanvraag werd gestopt.',
    api_file_changed_while_sending:
      'Het bestand veranderde of werd onleesbaar tijdens het versturen; het wordt opnieuw gecontroleerd.',
    api_network:
      'Clearfacts is niet bereikbaar ({{networkProblem}}). Controleer de internetverbinding; dit wordt later opnieuw geprobeerd.',
    api_network_said:
      'Clearfacts is niet bereikbaar ({{problem}}). Controleer de internetverbinding; dit wordt later opnieuw geprobeerd.',
    api_answer_not_understood:
      'Clearfacts stuurde een antwoord dat deze app niet begrijpt; dit wordt later opnieuw geprobeerd.',
    api_answer_not_json:
      'Het antwoord kwam niet van Clearfacts (het was geen JSON; misschien zit een proxy of een aanmeldpagina in de weg); dit wordt later opnieuw geprobeerd.',
    api_status_after_send:
      'Clearfacts antwoordde HTTP {{status}} nadat het bestand verstuurd was: het is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_network_after_send:
      'De verbinding viel weg ({{networkProblem}}) nadat het bestand verstuurd was: het is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_network_after_send_said:
      'De verbinding viel weg ({{problem}}) nadat het bestand verstuurd was: het is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_answer_broken_after_send:
      'Het antwoord van Clearfacts na het versturen was afgebroken of onleesbaar: het bestand is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_not_graphql:
      '{{address}} antwoordde met {{endpointAnswer}} (HTTP {{status}}): dat is geen GraphQL-endpoint, dus niet de API van Clearfacts. Het API-adres van Clearfacts eindigt op /graphql ({{example}}): controleer --api-url, CLEARFACTS_API_URL of het API-adres in de instellingen.',
    api_upload_without_id:
      'Clearfacts beantwoordde het opladen zonder document-id: het is misschien opgeslagen, misschien niet. Kijk na in Clearfacts voor u het opnieuw verstuurt.',
    api_user_unnamed:
      'Clearfacts beantwoordde de controle van de token zonder de gebruiker te noemen; dit wordt later opnieuw geprobeerd.',

    no_token: `Er is geen Clearfacts-token ingesteld. Stel er een in om te beginnen versturen: ${SET_TOKEN}.`,
    paused_by_user: 'Door u gepauzeerd: hervat om opnieuw te versturen.',
    offline:
      'Clearfacts is niet bereikbaar (geen netwerk, proxy of firewall). De bestanden wachten en worden verstuurd zodra Clearfacts weer antwoordt.',
    rate_limited_until:
      'Clearfacts vroeg om trager te gaan; het versturen gaat verder om {{until, time}}.',
    outage_probing: {
      one: 'Clearfacts bevestigde {{count, number}} verzending niet. Er wordt geen nieuw bestand verstuurd tot Clearfacts weer normaal antwoordt; dat wordt om de paar seconden nagevraagd.',
      other:
        'Clearfacts bevestigde {{count, number}} verzendingen niet. Er wordt geen nieuw bestand verstuurd tot Clearfacts weer normaal antwoordt; dat wordt om de paar seconden nagevraagd.',
    },
    incident_resent: {
      one: '{{count, number}} bestand van deze storing wordt opnieuw verstuurd.',
      other: '{{count, number}} bestanden van deze storing worden opnieuw verstuurd.',
    },
    incident_marked_done: {
      one: '{{count, number}} bestand van deze storing staat nu als verstuurd; het wordt niet opnieuw verstuurd.',
      other:
        '{{count, number}} bestanden van deze storing staan nu als verstuurd; ze worden niet opnieuw verstuurd.',
    },
    incident_unknown: 'Er zijn geen onbevestigde bestanden van de storing van {{incident, time}}.',
    incident_banner: {
      one: 'Clearfacts bevestigde {{count, number}} verzending niet tijdens de storing die begon op {{incident, time}}.',
      other:
        'Clearfacts bevestigde {{count, number}} verzendingen niet tijdens de storing die begon op {{incident, time}}.',
    },
    incident_banner_undated: {
      one: 'Clearfacts bevestigde {{count, number}} verzending niet toen de app stopte tijdens het versturen.',
      other:
        'Clearfacts bevestigde {{count, number}} verzendingen niet toen de app stopte tijdens het versturen.',
    },
    incident_guide:
      'Ze kunnen wel aangekomen zijn. Zo kijkt u het na: open elke administratie in Clearfacts en zoek in de inbox naar deze bestandsnamen. Staan ze er allemaal, markeer ze dan allemaal als afgehandeld; staat er geen, verzend ze dan allemaal opnieuw; staan er maar enkele, beslis dan per bestand.',
    history_rebuilt:
      'De geschiedenisdatabase ({{databasePath}}) {{historyProblem}}. Ze werd opnieuw opgebouwd uit de laatste reservekopie en het leveringslogboek: {{restored}} geleverde bestanden hersteld, dus geen ervan wordt opnieuw verstuurd.',
    storage_fault:
      'De geschiedenisdatabank ({{databasePath}}) kan niet beschreven worden: {{storageProblem}}.',

    not_signed_in: 'Meld u eerst aan met een Clearfacts-token.',
    token_malformed:
      'Dit is geen Clearfacts-token: een persoonlijke toegangstoken telt precies 80 tekens (letters, cijfers en symbolen, geen spaties).',
    env_token_malformed:
      'De omgevingsvariabele CLEARFACTS_TOKEN bevat geen Clearfacts-token: een persoonlijke toegangstoken telt precies 80 tekens (letters, cijfers en symbolen, geen spaties).',
    token_not_accepted:
      'Clearfacts aanvaardt deze token niet: hij is onbekend of ingetrokken. Maak een nieuwe in Clearfacts en probeer opnieuw.',
    stored_token_not_accepted:
      'Clearfacts aanvaardt de bewaarde token niet: hij is onbekend of ingetrokken. Maak een nieuwe in Clearfacts en stel hem opnieuw in.',
    demo_unavailable:
      'De demo is enkel beschikbaar wanneer de app met de ingebouwde Clearfacts-emulator werkt.',
    token_file_unprotected:
      'De token wordt onversleuteld bewaard in {{filePath}} (enkel leesbaar voor uw gebruikersaccount, maar niet beschermd door een sleutelbos). Wie uw bestanden kan lezen, kan er documenten mee naar Clearfacts opladen. Gebruik liever de sleutelbos van het systeem, of CLEARFACTS_TOKEN_FILE met een bestand dat alleen u kunt lezen (andere processen van uw account kunnen een omgevingsvariabele lezen).',
    token_file_unusable: 'Het tokenbestand {{filePath}} kan niet gelezen of beschreven worden.',
    token_file_env_unreadable:
      'CLEARFACTS_TOKEN_FILE wijst naar {{filePath}}, dat niet gelezen kan worden ({{errorCode}}). Zet de token in dat bestand, leesbaar voor de gebruikersaccount waaronder de app draait, of pas CLEARFACTS_TOKEN_FILE aan waar het ingesteld is (servicedefinitie, container, shellprofiel).',
    token_file_env_malformed:
      'Het bestand {{filePath}} waarnaar CLEARFACTS_TOKEN_FILE wijst, bevat geen Clearfacts-token: een persoonlijke toegangstoken telt precies 80 tekens (letters, cijfers en symbolen, geen spaties). Zet alleen de token in dat bestand.',
    keyring_unusable: 'De sleutelbos van het systeem kan hier niet gebruikt worden.',
    keyring_failed:
      'De sleutelbos van het systeem antwoordde niet: de token kon niet gelezen of bewaard worden.',
    token_store_failed: 'De token kon niet gelezen of bewaard worden.',
    token_from_env_read_only:
      'De token komt uit de omgevingsvariabele {{variable}}, die voorrang heeft op elke opgeslagen token: wijzig {{variable}} of maak ze leeg waar ze ingesteld is (shellprofiel, servicedefinitie, geplande taak).',
    token_from_env_file_read_only:
      'De token komt uit het bestand dat de omgevingsvariabele {{variable}} aanwijst: schrijf de nieuwe token in dat bestand, of maak {{variable}} leeg waar ze ingesteld is (servicedefinitie, container, shellprofiel).',
    token_file_read_failed:
      'De token kon niet gelezen worden uit {{filePath}} ({{errorCode}}). Controleer of uw gebruikersaccount dat bestand kan lezen.',
    token_file_write_failed:
      'De token kon niet geschreven worden naar {{filePath}} ({{errorCode}}). Controleer of de map bestaat, of uw gebruikersaccount erin kan schrijven en of de schijf niet alleen-lezen of vol is.',
    token_file_remove_failed:
      'Het tokenbestand {{filePath}} kon niet verwijderd worden ({{errorCode}}). Controleer of uw gebruikersaccount in die map kan schrijven.',
    token_file_damaged:
      'Het tokenbestand {{filePath}} is beschadigd: meld u opnieuw aan om het te vervangen.',
    token_in_file_malformed:
      'Het bestand {{filePath}} bevat geen Clearfacts-token: een persoonlijke toegangstoken telt precies 80 tekens (letters, cijfers en symbolen, geen spaties). Stel de token opnieuw in.',
    token_in_keyring_malformed:
      'De sleutelbos van het systeem bevat geen Clearfacts-token: een persoonlijke toegangstoken telt precies 80 tekens (letters, cijfers en symbolen, geen spaties). Stel de token opnieuw in.',
    token_plain_file_consent:
      'Hier is geen sleutelbos van het systeem bruikbaar ({{problem}}). De token in een gewoon bestand ({{filePath}}) bewaren kan alleen met uw uitdrukkelijke toestemming: geef die, of zet de token in een bestand dat alleen u kunt lezen en noem dat bestand in CLEARFACTS_TOKEN_FILE.',
    keyring_failed_said:
      'De sleutelbos van het systeem antwoordde niet ({{problem}}): de token kon niet gelezen of bewaard worden. Ontgrendel de sleutelbos, of noem een bestand met de token in CLEARFACTS_TOKEN_FILE.',
    safe_storage_cannot_decrypt:
      'De sleutelbos van het systeem is niet beschikbaar, dus de bewaarde token kan niet ontsleuteld worden. Ontgrendel de sleutelbos en start de app opnieuw, of meld u opnieuw aan.',
    safe_storage_decrypt_failed:
      'De bewaarde token kon niet ontsleuteld worden ({{problem}}): de sleutelbos is misschien vergrendeld of veranderd. Ontgrendel hem en start de app opnieuw, of meld u opnieuw aan.',
    safe_storage_unavailable:
      'De sleutelbos van het systeem is niet beschikbaar: de token kan niet bewaard worden, en u moet zich na elke herstart opnieuw aanmelden.',
    safe_storage_basic_text:
      'Er werd geen sleutelbos gevonden (GNOME Keyring of KWallet), dus de token wordt bewaard met een vaste sleutel die hem niet echt beschermt: wie uw bestanden kan lezen, kan hem lezen. Installeer en ontgrendel een sleutelbos om hem te beschermen.',
    safe_storage_session_only:
      'Er werd geen sleutelbos gevonden: de token blijft enkel voor deze sessie in het geheugen, en u moet zich de volgende keer opnieuw aanmelden. Installeer en ontgrendel GNOME Keyring of KWallet om hem veilig te bewaren.',

    // Hardening (issue #12): the token bound to its API origin
    token_for_other_api: `De token werd ingegeven voor {{tokenOrigin}}, maar het API-adres is nu {{apiOrigin}}, dus de token wordt daar niet naartoe gestuurd. Geef de token opnieuw in om hem met {{apiOrigin}} te gebruiken: ${SET_TOKEN}.`,

    folder_not_found: 'De map {{path}} bestaat niet of kan niet gelezen worden.',
    folder_browse_outside:
      'De mappenkiezer toont alleen mappen in uw thuismap en op gekoppelde schijven, niet {{path}}.',
    folder_browse_not_absolute:
      '{{path}} is geen volledig mappad (het moet bij een schijf of bij / beginnen).',
    folder_browse_unreadable:
      'De map {{path}} kan niet worden geopend: deze gebruikersaccount mag ze niet lezen.',
    not_a_folder: '{{path}} is geen map.',
    folder_already_watched: 'De map {{path}} wordt al gevolgd.',
    folder_watched_twice:
      'De map {{path}} wordt al gevolgd door een andere koppeling; verwijder een van de twee.',
    folder_id_unknown: 'Geen enkele gevolgde map heeft de id {{id}}.',
    inbox_never_splits:
      'De map {{path}} is een e-factuurinbox: e-facturen worden nooit gesplitst. Splitsen is voor mappen waarin een scanner schrijft.',
    administration_unreachable:
      'De administratie met ondernemingsnummer {{companyNumber}} hoort niet bij de administraties die deze token kan bereiken.',
    category_unknown:
      'De administratie met ondernemingsnummer {{companyNumber}} heeft geen archiefcategorie {{categoryId}} ({{archiveType}}).',
    tree_not_created: 'De mappen van de boekhouder konden niet aangemaakt worden.',
    folder_moved:
      'De map {{path}} ontbreekt: ze werd verplaatst, hernoemd of verwijderd. Ze wordt opnieuw gevolgd zodra ze terug is.',
    folder_missing:
      'De map {{path}} ontbreekt: de schijf of netwerkshare waarop ze staat is niet verbonden, of ze werd verplaatst. Ze wordt opnieuw gevolgd zodra ze terug is.',
    folder_no_permission: 'De app heeft geen toestemming om de map {{path}} te lezen.',
    folder_unreachable:
      'De map {{path}} is niet bereikbaar: de schijf of netwerkshare is misschien offline.',
    folder_marker_missing:
      '{{path}} is leeg en mist de markering die de app schreef toen de map gekoppeld werd (.clearfacts-folder): het lijkt een schijf of share die niet verbonden is, of een map die hernoemd en opnieuw gemaakt werd. Niets erin wordt als verwijderd beschouwd en er wordt niets in aangemaakt. Verbind de schijf of share, of zet de map terug; is deze lege map echt de juiste, verwijder ze dan uit de lijst en voeg ze opnieuw toe.',
    folder_owned_elsewhere:
      'Een andere installatie levert {{path}} af: {{user}} op {{machine}} (instellingen in {{configDir}}), laatst actief {{at, datetime}}. Deze installatie verstuurt er niets uit, zodat geen bestand twee keer vertrekt. Draait die installatie niet meer, neem de map dan over.',
    folder_owner_active:
      '{{user}} op {{machine}} (instellingen in {{configDir}}) levert {{path}} nog af: actief {{at, datetime}}. Verwijder de map daar, of stop die installatie, voor u ze overneemt.',
    folder_taken_over:
      'Terwijl deze installatie gestopt was of sliep, nam {{user}} op {{machine}} (instellingen in {{configDir}}) {{path}} over ({{at, datetime}}); die levert de map nu af. Deze installatie verstuurt er niets uit, zodat geen bestand twee keer vertrekt. Verwijder de map uit deze installatie, of neem ze terug als die andere niet meer draait.',
    folder_owner_unrecorded:
      'In {{path}} kan niet geschreven worden (een alleen-lezen share?), dus deze installatie kan er niet in noteren dat zij de map aflevert. De bestanden worden gewoon verstuurd. Bewaakt een andere installatie, op deze of een andere computer, deze map ook, dan versturen beide elk bestand: verwijder de map bij alle installaties op één na, of geef deze schrijfrechten.',
    share_unmounted:
      'De schijf of netwerkshare op {{path}} is niet meer gekoppeld. Ze wordt opnieuw gevolgd zodra ze terug is.',
    folder_not_responding:
      'De map {{path}} antwoordt niet: de netwerkshare is misschien offline. Ze wordt opnieuw gevolgd zodra ze antwoordt.',
    polling_forced:
      'Regelmatig nagekeken omdat de instelling om gevolgde mappen altijd na te kijken aan staat.',
    polling_network:
      'Regelmatig nagekeken omdat de map op {{fileSystem}} staat, dat geen wijzigingen door andere computers meldt.',
    polling_no_events:
      'Regelmatig nagekeken omdat de map een testbestand niet binnen {{seconds, number}} s meldde, dus haar wijzigingsmeldingen werken hier niet.',
    watch_limit_inotify:
      'Regelmatig nagekeken omdat de Linux-limiet op gevolgde mappen (inotify max_user_watches) bereikt is. Verhoog de limiet om ze weer live te volgen: echo fs.inotify.max_user_watches=524288 | sudo tee -a /etc/sysctl.conf && sudo sysctl -p',
    watch_limit_open_files:
      'Regelmatig nagekeken omdat de systeemlimiet op open bestanden bereikt is. Om de map weer live te volgen: {{platformFix}}.',
    stray_files: {
      one: '{{count, number}} bestand staat niet in een bestemmingsmap en wordt niet verstuurd, bv. {{example}}: {{reason}}.',
      other:
        '{{count, number}} bestanden staan niet in een bestemmingsmap en worden niet verstuurd, bv. {{example}}: {{reason}}.',
    },
    // What the user sees (issue 14, core and CLI): paths given to a drop or `upload`
    drop_path_missing:
      'Op {{path}} staat geen bestand of map: controleer het pad. Er werd niets verstuurd.',
    drop_path_not_a_file:
      '{{path}} is geen bestand en geen map (een apparaat of een socket). Er werd niets verstuurd.',
    drop_folder_empty:
      'De map {{path}} bevat geen documenten om te versturen. Er werd niets verstuurd.',
    combine_not_pdf_or_image:
      '{{fileName}} is geen PDF, JPEG of PNG en kan dus niet tot één document samengevoegd worden. Er werd niets verstuurd.',
    combine_unreadable:
      '{{fileName}} kon niet gelezen worden om het samen te voegen (het is misschien versleuteld of beschadigd). Er werd niets verstuurd.',
    scan_session_not_written:
      'De bestanden van deze scansessie konden niet samengevoegd worden: het samengevoegde document kon niet naar {{folder}} geschreven worden ({{storageProblem}}). Er werd niets verstuurd en de bestanden bleven zoals ze waren; probeer opnieuw om ze opnieuw samen te voegen.',
    scan_session_not_written_other:
      'De bestanden van deze scansessie konden niet samengevoegd worden: het samengevoegde document kon niet naar {{folder}} geschreven worden. Er werd niets verstuurd en de bestanden bleven zoals ze waren; probeer opnieuw om ze opnieuw samen te voegen.',
    drop_too_many_files:
      'Eén keer neerzetten kan hoogstens {{maxFiles, number}} bestanden bevatten. Er werd niets ontvangen: zet ze in kleinere groepen neer.',

    // … and archive categories named on the command line
    category_name_unknown:
      'De administratie {{companyNumber}} heeft geen archiefcategorie ({{archiveType}}) "{{name}}". Haar categorieën ({{archiveType}}): {{names}}.',
    category_name_ambiguous:
      'De administratie {{companyNumber}} heeft meer dan één archiefcategorie ({{archiveType}}) "{{name}}": geef haar id ({{ids}}).',
    category_none:
      'De administratie {{companyNumber}} heeft geen archiefcategorieën ({{archiveType}}).',

    tree_file_in_root: `het bestand staat rechtstreeks in de map van de boekhouder; ${PUT_IT_IN} in de map van een administratie`,
    tree_file_in_administration: `het bestand staat rechtstreeks in de map van de administratie met ondernemingsnummer {{companyNumber}}; ${PUT_IT_IN}`,
    tree_unknown_tray: `"{{folderName}}" is geen map van de administratie met ondernemingsnummer {{companyNumber}}; ${PUT_IT_IN}`,
    tree_archive_needs_type:
      'bestanden in Archief horen in Archief/Diverse/<categorie> of Archief/Permanent/<categorie>',
    tree_file_in_archive_type:
      'het bestand staat rechtstreeks in {{folderName}}; zet het in een van de categoriemappen',
    tree_unknown_category:
      'de administratie met ondernemingsnummer {{companyNumber}} heeft geen archiefcategorie ({{archiveType}}) met de naam "{{folderName}}"',
    tree_folder_name_invalid:
      'de map "{{folderName}}" heeft niet de vorm "<naam administratie> (<ondernemingsnummer>)", bv. "Bakkerij Peeters (0123456789)"',
    tree_company_number_invalid:
      '"{{value}}" in de mapnaam "{{folderName}}" is geen Belgisch ondernemingsnummer (0 gevolgd door 9 cijfers)',

    // split/: separator sheets (the words printed on a sheet) and splitting scanned batches
    separator_sheet_heading: 'Scheidingsblad',
    separator_sheet_next: "De pagina's na dit blad vormen een nieuw document.",
    separator_sheet_purchase: 'Het volgende document gaat naar Aankoopfacturen.',
    separator_sheet_sale: 'Het volgende document gaat naar Verkoopfacturen.',
    separator_sheet_various:
      'Het volgende document gaat naar Archief, Diversen, categorie {{categoryId}}.',
    separator_sheet_permanent:
      'Het volgende document gaat naar Archief, Permanent, categorie {{categoryId}}.',
    separator_sheet_company: 'Voor dossier {{companyNumber}}.',
    separator_sheet_not_sent:
      'Dit blad wordt niet verstuurd. Leg het vóór het document dat het aankondigt.',
    combined_from: {
      one: 'Samengevoegd uit {{count, number}} bestand: {{names}}',
      other: 'Samengevoegd uit {{count, number}} bestanden: {{names}}',
    },
    split_into_parts: {
      one: 'Gesplitst in {{count, number}} document; {{separatorPages, number}} scheidingsbladen niet verzonden. Verplaatst zodra elk deel verzonden is.',
      other:
        'Gesplitst in {{count, number}} documenten; {{separatorPages, number}} scheidingsbladen niet verzonden. Verplaatst zodra elk deel verzonden is.',
    },
    split_whole_unreadable:
      'In één keer verzonden hoewel de map splitst: de PDF kon niet geopend worden om te splitsen (misschien versleuteld of beschadigd).',
    split_whole_part_mismatch:
      "In één keer verzonden hoewel de map splitst: het deel met pagina's {{firstPage, number}}–{{lastPage, number}} moet {{expectedPages, number}} pagina's hebben, maar las terug met {{foundPages, number}}.",
    split_whole_over_budget:
      'In één keer verzonden hoewel de map splitst: het splitsen duurde langer dan {{limitSeconds, number}} s.',
    split_whole_stopped:
      'In één keer verzonden hoewel de map splitst: het splitsen stopte voor het klaar was.',
    split_whole_choice_mismatch:
      'In één keer verzonden: de delen die in het voorbeeld gekozen zijn, passen niet meer bij deze PDF (een pagina zou weggevallen zijn).',
    split_into_parts_blank: {
      one: "Gesplitst in {{count, number}} document; {{blankPages, number}} blanco pagina's niet verzonden, bewaard in {{path}}. Verplaatst zodra elk deel verzonden is.",
      other:
        "Gesplitst in {{count, number}} documenten; {{blankPages, number}} blanco pagina's niet verzonden, bewaard in {{path}}. Verplaatst zodra elk deel verzonden is.",
    },
    split_blank_backs_left_out: {
      one: 'Verzonden als één document zonder de blanco pagina, die bewaard is in {{path}}. Verplaatst zodra het document verzonden is.',
      other:
        "Verzonden als één document zonder de {{count, number}} blanco pagina's, die bewaard zijn in {{path}}. Verplaatst zodra het document verzonden is.",
    },
    split_only_blank_pages: {
      one: 'Niet verzonden: de enige pagina is blanco, dus er zit geen document in.',
      other:
        "Niet verzonden: alle {{count, number}} pagina's zijn blanco, dus er zit geen document in.",
    },
    split_whole_changed_since_preview:
      'In één keer verzonden: het bestand veranderde nadat de delen getoond werden, dus de gekozen delen passen er misschien niet meer bij.',
    split_only_separators: {
      one: 'Niet verzonden: de enige pagina is een scheidingsblad, dus er zit geen document in. Scan het blad samen met de documenten die het scheidt.',
      other:
        "Niet verzonden: alle {{count, number}} pagina's zijn scheidingsbladen, dus er zit geen document in. Scan de bladen samen met de documenten die ze scheiden.",
    },

    history_entry_unknown: 'Er is geen bestand {{id}} in de geschiedenis.',
    history_preview_missing:
      'Het bestand staat niet meer in {{path}} en kan dus niet getoond worden.',
    history_preview_unreadable: 'Het bestand in {{path}} kan niet gelezen worden om het te tonen.',
    history_preview_unsupported: 'Er is geen voorbeeld van {{fileName}}.',
    history_action_refused: '{{fileName}} is {{state}}, dus het kan niet {{action}} worden.',
    settings_invalid: 'Deze instellingen zijn niet geldig.',
    history_filter_invalid: 'Deze filter op de geschiedenis is niet geldig.',
    engine_busy: 'Er draait al een andere uploader op deze configuratiemap.',
    request_invalid: 'De aanvraag was niet geldig.',
    request_channel_unknown: 'Er bestaat geen aanvraag “{{channel}}”.',
    request_arguments_invalid: 'De aanvraag {{channel}} was niet geldig (velden: {{fields}}).',
    bridge_starting: 'De uploader start nog op. Probeer het zo meteen opnieuw.',
    bridge_host_refused: 'Deze uploader antwoordt niet voor het adres “{{host}}”.',
    bridge_origin_refused: 'Aanvragen vanaf {{origin}} zijn niet toegestaan.',
    bridge_not_from_app: 'Enkel de eigen pagina van de uploader mag {{path}} vragen.',
    bridge_session_missing:
      'Deze pagina heeft geen sessie voor {{path}}. Vraag een nieuwe link met “clearfacts-uploader ui --link”.',
    bridge_session_unknown:
      'De sessie van deze pagina is onbekend voor {{path}}. Vraag een nieuwe link met “clearfacts-uploader ui --link”.',
    bridge_not_json_type: 'De aanvraag aan {{path}} moet als JSON verstuurd worden.',
    bridge_body_too_large: 'De aanvraag aan {{path}} is groter dan {{maxBytes, size}}.',
    bridge_body_not_json: 'De aanvraag aan {{path}} is geen geldige JSON.',
    bridge_channel_name_invalid: 'De naam van de aanvraag in {{path}} is niet geldig.',
    bridge_no_route: 'De uploader kent geen {{method}} {{path}}.',
    bridge_not_found: 'Er is geen pagina {{path}}.',
    staging_not_multipart:
      'Neergezette bestanden moeten {{path}} bereiken als multipart-formulier.',
    staging_no_files: 'De aanvraag aan {{path}} bevatte geen bestanden.',
    staging_failed: 'De neergezette bestanden konden niet ontvangen worden op {{path}}.',
    shell_unsupported: 'Dit kan enkel in de desktopapp.',
    uploader_unreachable: 'De uploader is niet bereikbaar.',
    bridge_link_used:
      'Deze link werd al gebruikt of is niet geldig. Vraag een nieuwe met “clearfacts-uploader ui --link”.',
    bridge_link_needed:
      'Deze pagina werd geopend zonder haar privélink. Vraag een nieuwe met “clearfacts-uploader ui --link”.',
    running_app_unreachable:
      'De Clearfacts Uploader die met deze configuratiemap draait, is niet bereikbaar op {{address}}: {{reason}}.',
    cli_api_unreachable:
      'Clearfacts is niet bereikbaar op {{address}} ({{networkProblem}}). Controleer of dat adres klopt (--api-url, of het API-adres in de instellingen), of deze computer online is en of geen proxy of firewall het tegenhoudt.',
    cli_api_unreachable_said:
      'Clearfacts is niet bereikbaar op {{address}} ({{problem}}). Controleer of dat adres klopt (--api-url, of het API-adres in de instellingen), of deze computer online is en of geen proxy of firewall het tegenhoudt.',
    control_engine_stopped: 'de verwerking is gestopt',
    control_closed_here: 'de verbinding werd gesloten',
    control_connection_failed: 'de verbinding is mislukt ({{errorCode}})',
    control_no_accept: 'ze aanvaardde de verbinding niet binnen {{timeoutMs, number}} ms',
    control_no_hello: 'ze groette niet binnen {{timeoutMs, number}} ms',
    control_protocol_mismatch:
      'ze spreekt besturingsprotocol {{theirs}}, dit programma {{ours}}; werk het oudste bij',
    control_engine_broke_protocol: 'de verwerking stuurde iets onverwachts: {{controlFault}}',
    control_engine_hung_up: 'de verwerking verbrak de verbinding: {{controlFault}}',
    control_engine_hung_up_said: 'de verwerking verbrak de verbinding: “{{detail}}”',
    running_app_no_answer:
      'De draaiende Clearfacts Uploader gaf geen antwoord ({{channel}}): {{reason}}.',
    answer_breaks_contract: 'Het antwoord op {{channel}} past niet in het contract.',
    request_too_large: 'De aanvraag {{channel}} is te groot om te versturen.',
    internal: 'Er liep iets mis in de uploader.',

    // follow-up (issue #16): what Clearfacts did with each delivered invoice
    follow_up_missing_scope:
      'Opvolgen in Clearfacts staat stil: de token mist de scope "{{scope}}". Maak in Clearfacts een token met die scope (profielmenu, Integraties) en stel hem hier in.',
    follow_up_off: 'Opvolgen in Clearfacts staat uit (Instellingen).',
    follow_up_offline: 'Opvolgen in Clearfacts staat stil: Clearfacts is niet bereikbaar.',
    follow_up_rate_limited: 'Clearfacts vroeg om trager te gaan; het opvolgen gaat later verder.',
    follow_up_token_refused:
      'Opvolgen in Clearfacts staat stil tot een geldige token is ingesteld.',
    follow_up_followed: {
      one: '{{count, number}} factuur opgevolgd in Clearfacts',
      other: '{{count, number}} facturen opgevolgd in Clearfacts',
    },
    cf_status_unchecked: 'Nog niet nagekeken',
    cf_status_received: 'Ontvangen',
    cf_status_processed: 'Verwerkt · {{date, day}}',
    cf_status_unpaid: 'Verwerkt · {{date, day}} · onbetaald',
    cf_status_paid: 'Betaald · {{date, day}}',
    cf_status_not_known: 'Niet meer gekend',
    cf_in_archive: 'In het archief · {{category}}',
    cf_checked_at: 'Nagekeken {{at, datetime}}',
    cf_unpaid_purchases: {
      one: '{{count, number}} onbetaalde aankoopfactuur',
      other: '{{count, number}} onbetaalde aankoopfacturen',
    },
    unconfirmed_guide: {
      one: 'Verstuurd {{sentAt, datetime}} ({{size, size}}, {{count, number}} pagina), maar Clearfacts bevestigde het nooit. Zo kijkt u het na: open deze administratie in Clearfacts en zoek in de inbox naar "{{fileName}}". Staat het er, kies dan Markeer als klaar; zo niet, kies Opnieuw versturen.',
      other:
        'Verstuurd {{sentAt, datetime}} ({{size, size}}, {{count, number}} pagina’s), maar Clearfacts bevestigde het nooit. Zo kijkt u het na: open deze administratie in Clearfacts en zoek in de inbox naar "{{fileName}}". Staat het er, kies dan Markeer als klaar; zo niet, kies Opnieuw versturen.',
    },
    // The CLI's own words.
    cli_error: 'Fout: {{text}}',
    cli_stopped:
      'Gestopt. Bestanden die nog niet verstuurd zijn, blijven in de wachtrij voor de volgende keer.',
    cli_engine_running: 'actief in {{shell}} (proces {{pid}}, versie {{version}})',
    cli_engine_not_running: 'niet actief (configuratiemap {{configDir}})',
    cli_ui_open: 'Open {{url}} in uw browser (dit adres is alleen voor u). Ctrl-C stopt.',
    cli_ui_open_forwarding:
      'Open {{url}} in uw browser (dit adres is alleen voor u). Het werkt met de engine die al draait (proces {{pid}}). Ctrl-C stopt.',
    cli_ui_engine_gone:
      'De engine waarmee deze pagina werkte, is weg ({{reason}}), dus stopt ook de pagina.',
    cli_ui_link_nothing_running:
      'Er draait geen Clearfacts Uploader met de configuratiemap {{configDir}}, dus er is geen pagina om naar te linken. Voer `clearfacts-uploader ui` uit: dat start er een en toont de link.',
    cli_ui_link_no_page:
      'De Clearfacts Uploader die met deze configuratiemap draait ({{shell}}, proces {{pid}}), toont geen pagina in de browser en heeft dus geen link te geven. Voer `clearfacts-uploader ui` uit zonder --link: dat toont een pagina die met de draaiende engine werkt, en de link ernaartoe.',
    cli_queue_not_running: 'niet actief',
    cli_queue_not_running_waiting: {
      one: 'niet actief: {{count}} bestand wacht op `watch`, `ui` of de desktopapp',
      other: 'niet actief: {{count}} bestanden wachten op `watch`, `ui` of de desktopapp',
    },
    cli_files_counts:
      '{{pending}} wachtend, {{uploading}} bezig, {{uploaded}} opgeladen, {{failed}} mislukt, {{held}} wachtend op uw keuze, {{unconfirmed}} onbevestigd, {{duplicate}} dubbel',
    cli_folder_present: 'aanwezig',
    cli_none: 'geen',
    cli_last_upload: '{{fileName}} om {{at, time}} → {{uuid}}',
    cli_last_error: '{{fileName}} om {{at, time}}: {{text}}',
    cli_see_failed:
      'Bekijk ze met `clearfacts-uploader history --status failed,unconfirmed`; daarna `retry`, `resend` of `mark-done`.',
    cli_see_held:
      'E-facturen gericht aan een andere administratie wachten op uw keuze: bekijk ze met `clearfacts-uploader history --status held`; daarna `choose`.',
    cli_more_rows: '({{shown}} van {{total}}; gebruik --limit of filters om de andere te zien)',
    cli_destination_archive: 'archief {{archiveType}} ({{categoryId}})',
    cli_pages: { one: '{{count}} pagina', other: '{{count}} pagina’s' },
    cli_moved_to: 'verplaatst naar {{folder}}',
    cli_marked_done: 'als gedaan gemarkeerd',
    cli_combined_into: 'in samengevoegd document {{id}}',
    cli_retrying: 'nieuwe poging',
    cli_duplicate_sent_before:
      'dezelfde inhoud werd al naar {{companyNumber}} verstuurd; niet opnieuw verstuurd (`resend {{id}}` verstuurt het toch)',
    cli_resend_forces: '`resend {{id}}` verstuurt het toch',
    cli_queued_again: {
      one: '{{count}} bestand staat opnieuw in de wachtrij; de verwerking die al loopt, verstuurt het.',
      other:
        '{{count}} bestanden staan opnieuw in de wachtrij; de verwerking die al loopt, verstuurt ze.',
    },
    cli_file_queued:
      '{{fileName}} staat in de wachtrij; de verwerking die al loopt, verstuurt het.',
    cli_file_dismissed:
      '{{fileName}} is weggezet: het blijft in de geschiedenis en wordt niet verstuurd.',
    cli_e_invoice: '{{eInvoiceKind}} {{number}} van {{supplier}}',
    cli_e_invoice_no_number: '{{eInvoiceKind}} van {{supplier}}',
    cli_dismiss_choice: 'Wegzetten: bewaren in de geschiedenis, niet versturen',
    cli_file_marked_done:
      '{{fileName}} is als opgeladen geregistreerd; het wordt niet opnieuw verstuurd.',
    cli_no_folders:
      'Er worden geen mappen gevolgd. Voeg er een toe met `clearfacts-uploader folders add <pad> …`.',
    cli_folder_inbox: 'e-factuurinbox (volgens de partijen op de factuur)',
    cli_folder_tree: 'boekhoudersboom (volgens de map)',
    cli_no_such_folder: 'Geen gevolgde map is {{folder}}: zie `folders list`.',
    cli_no_longer_watching: '{{folder}} wordt niet meer gevolgd.',
    cli_folder_taken_over: 'Deze installatie levert {{folder}} voortaan af.',
    cli_raw_name: '(hernoemd van {{name}}: die naam was geen UTF-8)',
    cli_size_sent: '{{sizeBytes, size}}',
    cli_bytes_sent: '{{sizeBytes, size}} verzonden',
    cli_check_kind: '{{fileType}}, {{sizeBytes, size}}',
    cli_check_kind_pages: {
      one: '{{fileType}}, {{count}} pagina, {{sizeBytes, size}}',
      other: '{{fileType}}, {{count}} pagina’s, {{sizeBytes, size}}',
    },
    cli_change_prefix:
      'de {{bytes}} byte(s) vóór %PDF- worden weggelaten uit de verstuurde kopie (sha256 {{sha256}}); het bestand zelf wordt niet gewijzigd',
    cli_change_envelope:
      'de factuur in de Peppol-envelop wordt verstuurd (sha256 {{sha256}}); het bestand zelf wordt niet gewijzigd',
    cli_change_converted:
      'vóór het versturen naar PDF omgezet; het bestand zelf wordt niet gewijzigd',
    cli_would_be_sent: 'zou verstuurd worden',
    cli_refused: 'geweigerd ({{code}}): {{text}}',
    cli_check_e_invoice_total:
      '{{description}}, totaal {{amount, number(minimumFractionDigits: 2)}} {{currency}}',
    cli_check_route_purchase: 'de aankopen van {{companyNumber}}, de klant',
    cli_check_route_sale: 'de verkopen van {{companyNumber}}, de leverancier',
    cli_check_route_none:
      'geen partij vermeldt een Belgisch ondernemingsnummer: in een e-factuurinbox wacht ze tot u de administratie kiest',
    cli_check_schema_valid: 'volgt het UBL 2.1-schema',
    cli_check_schema_invalid:
      'volgt het UBL 2.1-schema niet (zie hieronder); enkel een waarschuwing: ze wordt toch verstuurd',
    cli_check_schema_unchecked: 'niet gecontroleerd tegen het UBL 2.1-schema (waarom: hieronder)',
    cli_check_schema_envelope:
      'de factuur in een Peppol-envelop wordt niet gecontroleerd tegen het UBL 2.1-schema',
    cli_outcome:
      'Opgeladen: {{uploaded}}, mislukt: {{failed}}, onbevestigd: {{unconfirmed}}, dubbel en niet opnieuw verstuurd: {{duplicate}}.',
    cli_check_unconfirmed:
      'Controleer onbevestigde bestanden in Clearfacts, daarna `clearfacts-uploader resend <id>` of `mark-done <id>`.',
    cli_help_exit_codes:
      'Afsluitcodes:\n  0  gelukt\n  1  mislukt, of deels mislukt (een bestand is mislukt of onbevestigd)\n  2  verkeerd gebruik (onbekende optie, ontbrekend of ongeldig argument)\n  3  aanmelding: geen token, een token die Clearfacts weigert, of een ontbrekende scope',
    cli_help_environment:
      'Omgeving:\n  CLEARFACTS_TOKEN  de token om te gebruiken; gaat voor op een bewaarde token (zolang de variabele gezet is, wordt `token set` niet gebruikt). Andere processen van uw gebruikersaccount kunnen de omgeving van een proces lezen (/proc/<pid>/environ, ps e): gebruik liever de sleutelbos (`token set`) of CLEARFACTS_TOKEN_FILE\n  CLEARFACTS_TOKEN_FILE  een bestand met de token (Docker-secrets, systemd-credentials); gebruikt als CLEARFACTS_TOKEN niet gezet is\n  CLEARFACTS_API_URL  het adres van Clearfacts, zoals --api-url\n  {{tuningVariable}}  JSON-tijdsinstellingen voor tests en benchmarks, bv. {{example}}',
    cli_help_after_error: '(gebruik --help voor uitleg)',
    cli_usage_unknown_option: 'fout: onbekende optie {{option}}',
    cli_usage_unknown_command: 'fout: onbekende opdracht {{command}}',
    cli_usage_did_you_mean: '(Bedoelde u {{suggestion}}?)',
    cli_usage_missing_argument: 'fout: verplicht argument {{argument}} ontbreekt',
    cli_usage_option_missing_argument: 'fout: optie {{option}} heeft een waarde nodig',
    cli_usage_missing_option: 'fout: verplichte optie {{option}} niet opgegeven',
    cli_usage_too_many_arguments: 'fout: te veel argumenten: {{received}}',
    cli_usage_invalid_value: 'fout: {{value}} is geen geldige waarde voor {{option}}: {{reason}}',
    cli_usage_choices: 'gebruik een van {{choices}}.',
    cli_usage_folder_split_invalid:
      'gebruik off, separator, blank, blank-backs, page, pages:N (N van 2 tot 999) of bundle:N (N seconden, van 5 tot 600).',
    cli_usage_split_invalid:
      'gebruik off, separator, blank, blank-backs, page of pages:N (N van 2 tot 999).',
    cli_usage_states_invalid: '"{{value}}" is geen status; gebruik {{choices}}.',
    cli_usage_in_clearfacts_invalid:
      '"{{value}}" is geen status in Clearfacts; gebruik {{choices}}.',
    cli_usage_limit_invalid: 'de limiet is een geheel getal van 1 tot 1000.',
    cli_usage_port_invalid: 'een poort is een geheel getal van 0 tot 65535.',
    cli_usage_history_id:
      '"{{value}}" is geen ID uit de geschiedenis: een ID is een geheel getal (zie `history`).',
    cli_usage_outage:
      '"{{value}}" is geen storing: geef het getal dat `history --incidents` toont.',
    cli_usage_id_or_incident: 'Geef ofwel een bestands-ID, ofwel --incident <storing>.',
    cli_usage_id_or_all: 'Geef ofwel een bestands-ID, ofwel --all.',
    cli_usage_send_to_type: 'Geef met --send-to ook --type purchase of --type sale.',
    cli_usage_here_or_send_to: 'Geef --here of --send-to <ondernemingsnummer> --type <soort>.',
    cli_usage_category_not_here: '--category geldt alleen bij --type various of permanent.',
    cli_usage_category_needed:
      '--type {{typeValue}} heeft --category <naam-of-id> nodig: toon ze met `clearfacts-uploader categories {{companyNumber}}`.',
    cli_usage_company_check_digits:
      '"{{value}}" is geen Belgisch ondernemingsnummer: de laatste twee cijfers passen niet bij de eerste acht (mod 97). Controleer het op een tikfout.',
    cli_usage_company_form:
      '"{{value}}" is geen Belgisch ondernemingsnummer (0 gevolgd door 9 cijfers).',
    cli_usage_sheet_next_alone: 'Een blad "next" neemt geen --company en geen --category.',
    cli_usage_sheet_no_category: 'Een blad "{{sheetType}}" neemt geen --category.',
    cli_usage_sheet_needs_category: 'Een blad "{{sheetType}}" heeft --category <name-or-id> nodig.',
    cli_usage_sheet_category_invalid:
      '"{{value}}" is geen categorie-id: die telt 1 tot 200 tekens.',
    cli_sheet_not_to_terminal:
      'Het blad is een PDF: stuur de standaarduitvoer naar een bestand, bv. `clearfacts-uploader separator-sheet --type next > blad.pdf`.',
    cli_sheet_category_unchecked:
      'Let op: de categorie "{{category}}" kon niet nagekeken worden bij de archiefcategorieën van {{companyNumber}}: {{reason}} Het blad wordt toch afgedrukt; heeft geen categorie van die administratie deze naam of dit ID, dan mislukt het document na het blad wanneer de stapel gesplitst wordt.',
    cli_sheet_category_unchecked_no_company:
      'Let op: de categorie "{{category}}" wordt niet nagekeken, want het blad noemt geen administratie (--company): ze wordt opgezocht bij de categorieën van de administratie waar elk document na het blad naartoe gaat, wanneer de stapel gesplitst wordt.',
    cli_no_incidents:
      'Geen onbevestigde bestanden: elke upload die Clearfacts ontving, is bevestigd.',
    cli_no_categories: 'Administratie {{companyNumber}} heeft geen archiefcategorieën.',
    cli_token_prompt: 'Plak uw Clearfacts-token (hij wordt niet getoond): ',
    cli_token_empty: 'Er kwam geen token binnen op de standaardinvoer.',
    cli_token_plain_question:
      'Hier is geen sleutelbos van het systeem bruikbaar. De token onversleuteld bewaren in {{configDir}}, alleen leesbaar voor uw gebruikersaccount?',
    cli_token_plain_refused:
      'Hier is geen sleutelbos van het systeem bruikbaar, dus de token is niet bewaard. Voer het opnieuw uit met --allow-plain-file om hem te bewaren in een bestand dat alleen uw account kan lezen (niet versleuteld), of zet hem in een bestand dat alleen u kunt lezen en noem dat bestand in CLEARFACTS_TOKEN_FILE.',
    cli_token_stored: 'Token bewaard ({{backend}}) voor {{user}}.',
    cli_token_unknown_user: 'onbekende gebruiker',
    cli_token_no_scopes: 'geen gevonden',
    cli_token_not_encrypted: '(niet versleuteld)',
    cli_token_not_set: 'Er is geen token ingesteld: voer `clearfacts-uploader token set` uit.',
    cli_token_removed: 'Token verwijderd ({{backend}}).',
    cli_engine_gone_queued: {
      one: 'De verwerking die deze bestanden verstuurde, is weg ({{reason}}). {{count}} bestand blijft in de wachtrij en wordt bij de volgende run verstuurd.',
      other:
        'De verwerking die deze bestanden verstuurde, is weg ({{reason}}). {{count}} bestanden blijven in de wachtrij en worden bij de volgende run verstuurd.',
    },
    cli_engine_gone_here: {
      one: 'De verwerking die deze bestanden verstuurde, is weg ({{reason}}); dit proces verstuurt het andere bestand ({{count}}).',
      other:
        'De verwerking die deze bestanden verstuurde, is weg ({{reason}}); dit proces verstuurt de andere {{count}} bestanden.',
    },
    cli_engine_gone_elsewhere: {
      one: 'De verwerking die deze bestanden verstuurde, is weg ({{reason}}); de verwerking die nu loopt, verstuurt het andere bestand ({{count}}).',
      other:
        'De verwerking die deze bestanden verstuurde, is weg ({{reason}}); de verwerking die nu loopt, verstuurt de andere {{count}} bestanden.',
    },
    cli_queue_blocked: 'De wachtrij is geblokkeerd.',
    cli_stay_queued: {
      one: '{{count}} bestand blijft in de wachtrij en wordt bij de volgende run verstuurd.',
      other: '{{count}} bestanden blijven in de wachtrij en worden bij de volgende run verstuurd.',
    },
    cli_watch_no_folders:
      'Er worden nog geen mappen gevolgd: voeg er een toe met `clearfacts-uploader folders add` (deze run neemt ze mee).',
    cli_watch_waits_for_api:
      '`watch` blijft lopen: bestanden wachten in de wachtrij en worden verstuurd zodra Clearfacts antwoordt.',
    cli_watch_watching: {
      one: 'Volgt {{count}} map (instellingen en geschiedenis in {{configDir}}). Ctrl-C stopt.',
      other:
        'Volgt {{count}} mappen (instellingen en geschiedenis in {{configDir}}). Ctrl-C stopt.',
    },
    cli_watch_stopping: 'Stoppen ({{signal}}): lopende verzendingen krijgen even de tijd.',
    cli_watch_progress:
      ' {bar} {value}/{total} bestanden | {uploading} bezig | {failed} mislukt | {state}',
    cli_upload_progress: '{{fileName}}: {{sentBytes, size}} van {{totalBytes, size}} verzonden',
    cli_service_unsupported:
      'Als dienst draaien kan op Linux (systemd), macOS (launchd) en Windows (Taakplanner), niet op {{platform}}.',
    cli_service_no_script: 'Het pad van het eigen script van de opdracht is onbekend.',
    cli_service_token_file_missing: 'Het tokenbestand {{path}} bestaat niet.',
    cli_service_env_token_not_copied:
      'Let op: CLEARFACTS_TOKEN wordt niet in de dienst overgenomen (een dienstdefinitie is geen plaats voor een geheim). Bewaar de token met `clearfacts-uploader token set`, of geef --token-file mee.',
    cli_service_to_do: 'Nog te doen: {{text}}',
    cli_service_logs:
      'De dienst schrijft zijn logboek naar {{folder}}; kijk hoe het gaat met `clearfacts-uploader service status`.',
    cli_service_installed: 'geïnstalleerd ({{definition}})',
    cli_service_not_installed: 'niet geïnstalleerd',
    cli_service_not_asked: 'niet gevraagd',
    cli_service_lingering_off: 'Lingering staat uit: de dienst stopt wanneer u zich afmeldt.',
    cli_service_wrote: '{{path}} geschreven.',
    cli_service_removed: '{{path}} verwijderd.',
    cli_systemd_started: '{{unit}} ingeschakeld en gestart (systemctl --user).',
    cli_systemd_unreachable:
      'systemd was niet bereikbaar voor {{user}} ({{problem}}). Voer in een aangemelde sessie van {{user}} uit: systemctl --user daemon-reload && systemctl --user enable --now {{unit}}',
    cli_systemd_lingering_on:
      'Lingering staat aan voor {{user}}: de dienst draait ook als niemand aangemeld is.',
    cli_systemd_lingering_turned_on:
      'Lingering aangezet voor {{user}}, zodat de dienst ook draait als niemand aangemeld is.',
    cli_systemd_lingering_failed:
      'Een gebruikersdienst stopt wanneer {{user}} zich afmeldt, tenzij lingering aan staat, en dat kon niet aangezet worden ({{problem}}). Voer als root uit: loginctl enable-linger {{user}}',
    cli_systemd_lingering_off:
      'Lingering staat uit: de dienst draait alleen zolang {{user}} aangemeld is. Om hem te laten draaien als niemand aangemeld is: loginctl enable-linger {{user}}',
    cli_systemd_stopped: '{{unit}} gestopt en uitgeschakeld.',
    cli_systemd_stop_failed:
      'systemd kon {{unit}} niet stoppen ({{problem}}). Voer in een aangemelde sessie van {{user}} uit: systemctl --user disable --now {{unit}}',
    cli_systemd_detail:
      '{{active}} ({{sub}}), laatste afsluitstatus {{exitStatus}}, {{restarts}} keer herstart',
    cli_systemd_not_asked: 'systemd kan niet gevraagd worden ({{problem}})',
    cli_launchd_loaded: '{{label}} geladen en gestart (launchctl {{domain}}).',
    cli_launchd_load_failed:
      'launchd heeft de agent niet geladen ({{problem}}). Voer in een aangemelde sessie uit: {{command}}',
    cli_launchd_login_only:
      'Een launch agent draait zolang u aangemeld bent (na een herstart houdt macOS hem achter het aanmeldvenster alleen draaiende met automatisch aanmelden).',
    cli_launchd_unloaded: '{{label}} gestopt en ontladen.',
    cli_launchd_detail: 'toestand = {{launchdState}}, laatste afsluitcode = {{exitCode}}',
    cli_launchd_not_loaded: 'niet geladen',
    cli_windows_commands:
      'Voer uit in een opdrachtprompt als beheerder (die vraagt uw Windows-wachtwoord, zodat de taak draait als niemand aangemeld is):\n  {{create}}\n  {{run}}\nBekijk hem met:\n  {{query}}\nVerwijder hem met:\n  {{remove}}\n',
    cli_windows_remove: 'Voer uit in een opdrachtprompt als beheerder: {{command}}',
    cli_windows_not_asked: 'De Taakplanner wordt van hieruit niet gevraagd: voer {{command}} uit',
    api_url_not_url: 'Het API-adres {{url}} is geen URL zoals {{example}}.',
    api_url_plain_http:
      'Het API-adres moet https gebruiken, tenzij het op deze computer staat (127.0.0.1, localhost); {{host}} staat er niet, en de token zou onversleuteld reizen.',
    api_url_scheme: 'Het API-adres moet een https-URL zijn, geen {{scheme}}.',
    api_url_credentials:
      'Het API-adres voor {{host}} bevat een gebruikersnaam of wachtwoord; geef het adres zonder (de token zorgt voor de aanmelding).',
    config_dir_unwritable:
      'In de configuratiemap {{configDir}} kan niet geschreven worden ({{path}} is alleen-lezen of van een andere gebruiker), dus instellingen en geschiedenis kunnen niet bewaard worden. Maak de map schrijfbaar voor deze gebruiker, of kies een andere map met --config-dir.',
  },
  terms: {
    fileType: {
      exe: 'een Windows-programma (EXE)',
      elf: 'een Linux-programma',
      macho: 'een macOS-programma',
      msi: 'een Windows-installatieprogramma',
      zip: 'een ZIP-archief',
      rar: 'een RAR-archief',
      '7z': 'een 7-Zip-archief',
      gz: 'een gzip-archief',
      tar: 'een TAR-archief',
      docx: 'een Word-document',
      xlsx: 'een Excel-werkmap',
      pptx: 'een PowerPoint-presentatie',
      odt: 'een OpenDocument-tekst',
      ods: 'een OpenDocument-rekenblad',
      cfb: 'een ouder Office-document (DOC, XLS of MSG)',
      rtf: 'een RTF-document',
      eml: 'een e-mailbericht',
      png: 'een PNG-afbeelding',
      gif: 'een GIF-afbeelding',
      bmp: 'een BMP-afbeelding',
      webp: 'een WebP-afbeelding',
      heic: 'een HEIC-foto',
      avif: 'een AVIF-afbeelding',
      tif: 'een TIFF-afbeelding',
      jpg: 'een JPEG-afbeelding',
      pdf: 'een PDF',
      xml: 'een XML-bestand',
      xml_invoice: 'een XML-factuur',
      svg: 'een SVG-tekening',
      video: 'een video',
      audio: 'een audiobestand',
      sqlite: 'een databankbestand',
      html: 'een HTML-pagina',
      text: 'een tekstbestand',
      binary: 'een bestand van een onbekend type',
      other: 'een bestand van een ander type',
    },
    archiveType: { various: 'diverse', permanent: 'permanent' },
    subject: { file: 'het bestand', request: 'de aanvraag' },
    networkProblem: {
      reset: 'de verbinding werd verbroken',
      refused: 'de verbinding werd geweigerd',
      aborted: 'de verbinding werd afgebroken',
      closed_while_sending: 'de verbinding werd gesloten tijdens het versturen',
      closed: 'de verbinding werd gesloten',
      dns: 'de servernaam kon niet opgezocht worden',
      timeout: 'de verbinding duurde te lang',
      unreachable: 'de server is niet bereikbaar',
      no_network: 'er is geen netwerk',
      blocked_port: 'het adres gebruikt een poort waarmee browsers en Node.js nooit verbinden',
      too_many_redirects: 'het adres stuurde te vaak door',
      other: 'een netwerkfout',
    },
    endpointAnswer: {
      not_found: '"niet gevonden"',
      web_page: 'een webpagina',
      not_json: 'een antwoord dat geen JSON is',
      not_graphql: 'JSON zonder GraphQL-gegevens of -fouten',
    },
    historyProblem: {
      missing: 'ontbrak',
      empty: 'was leeg',
      damaged: 'was beschadigd en werd opzijgezet',
      incomplete: 'miste leveringen',
    },
    storageProblem: {
      full: 'de schijf is vol: maak wat ruimte vrij',
      read_only: 'ze is alleen-lezen: controleer de rechten',
      cannot_open: 'ze kan niet geopend worden: controleer of haar map bestaat en beschrijfbaar is',
      denied: 'toegang geweigerd: controleer de rechten',
      io_refused:
        'de schijf weigerde het schrijven (invoer-/uitvoerfout): controleer of de schijf verbonden is en het bestand niet beveiligd is tegen schrijven',
      locked: 'een ander programma houdt ze vergrendeld',
      corrupt: 'ze is beschadigd: zet een back-up terug of zet ze opzij om opnieuw te beginnen',
      not_a_database: 'het is geen geschiedenisdatabank: zet ze opzij om opnieuw te beginnen',
      read_only_disk: 'ze staat op een alleen-lezen schijf',
      io_error: 'de schijf meldde een invoer-/uitvoerfout',
    },
    state: {
      detected: 'gevonden',
      waiting_stability: 'aan het wachten tot het volledig geschreven is',
      ready: 'in de wachtrij',
      uploading: 'aan het opladen',
      uploaded: 'opgeladen',
      archived: 'opgeladen, verplaatst naar _uploaded',
      failed: 'mislukt',
      duplicate: 'al eerder opgeladen',
      unconfirmed: 'niet bevestigd',
      held: 'wacht op uw keuze',
      split: 'gesplitst in delen',
      bundling: 'in een scansessie',
    },
    action: {
      retried: 'opnieuw geprobeerd',
      resent: 'opnieuw verstuurd',
      marked_done: 'als afgehandeld gemarkeerd',
      revealed: 'getoond',
      // Dismissing failures (issue #14, ui-screens)
      dismissed: 'weggezet',
      chosen: 'volgens uw keuze verstuurd',
    },
    destination: { purchase: 'aankopen', sale: 'verkopen' },
    eInvoiceKind: { invoice: 'factuur', credit_note: 'creditnota', correction: 'correctie' },
    tokenStore: {
      keyring: 'de sleutelbos van het systeem',
      file: 'een bestand op deze computer',
      tokenFile: 'het bestand dat CLEARFACTS_TOKEN_FILE noemt',
      environment: 'de omgevingsvariabele CLEARFACTS_TOKEN',
      memory: 'alleen in het geheugen, tot de uploader stopt',
      memoryDemo: 'alleen in het geheugen (demo)',
      safeStorage: 'versleuteld met de sleutelbos van het systeem',
      safeStorageBasic: 'versleuteld met een vaste sleutel, zonder sleutelbos (zwak)',
    },
    eInvoiceRule: {
      br_01: 'BR-01: de factuur vermeldt niet welke specificatie ze volgt (BT-24).',
      br_02: 'BR-02: de factuur heeft geen nummer (BT-1).',
      br_03: 'BR-03: de factuur heeft geen factuurdatum (BT-2).',
      br_04: 'BR-04: de factuur heeft geen typecode (BT-3).',
      br_05: 'BR-05: de factuur heeft geen muntcode (BT-5).',
      br_06: 'BR-06: de leverancier heeft geen naam (BT-27).',
      br_07: 'BR-07: de klant heeft geen naam (BT-44).',
      br_16: 'BR-16: de factuur heeft geen lijnen (BG-25).',
      br_co_15:
        'BR-CO-15: het totaal met btw (BT-112) is niet het totaal zonder btw (BT-109) plus de btw (BT-110).',
      br_co_16:
        'BR-CO-16: het te betalen bedrag (BT-115) is niet het totaal met btw (BT-112) min het betaalde bedrag (BT-113) plus de afronding (BT-114).',
      peppol_r001: 'PEPPOL-EN16931-R001: de factuur heeft geen bedrijfsproces (ProfileID, BT-23).',
      peppol_r003:
        'PEPPOL-EN16931-R003: de factuur heeft geen kopersreferentie (BT-10) en geen bestelreferentie (BT-13).',
      peppol_common_r043:
        'PEPPOL-COMMON-R043: een Belgisch ondernemings- of btw-nummer in de factuur klopt niet met zijn controlecijfers (modulo 97).',
    },
    xsdProblem: {
      not_expected: 'dit element hoort hier niet (onbekend, of op de verkeerde plaats).',
      missing_child: 'een element dat erin moet staan, ontbreekt.',
      invalid_value:
        'de waarde is niet geschreven zoals het schema vraagt (een datum als 2026-03-14, een bedrag als 1210.50).',
      other: 'het volgt het schema niet.',
    },
    xsdSkipReason: {
      too_large: 'de factuur zonder bijlage telt meer dan 1 miljoen tekens.',
      over_time: 'de controle duurde te lang en werd gestopt; de factuur wordt toch verstuurd.',
      stopped:
        'de schemacontrole stopte (ze kon niet starten of liep vast); de factuur wordt toch verstuurd.',
      unreadable: 'de schemacontrole kon ze niet als XML lezen.',
    },
    platformFix: {
      darwin:
        'verhoog de limiet (ulimit -n 65536, of sudo launchctl limit maxfiles 65536 200000) of volg minder mappen',
      linux:
        'verhoog de limiet (ulimit -n 65536, en fs.inotify.max_user_instances via sysctl) of volg minder mappen',
      other: 'sluit andere programma’s of volg minder mappen',
    },
    fileSystem: {
      nfs: 'een NFS-netwerkshare',
      smb: 'een SMB-netwerkshare',
      smb_cifs: 'een SMB/CIFS-netwerkshare',
      smb2: 'een SMB2-netwerkshare',
      netware: 'een NetWare-netwerkshare',
      afp: 'een AFP-netwerkshare',
      webdav: 'een WebDAV-netwerkshare',
      ftp: 'een FTP-netwerkshare',
      coda: 'een Coda-netwerkbestandssysteem',
      afs: 'een AFS-netwerkbestandssysteem',
      ceph: 'een Ceph-netwerkbestandssysteem',
      lustre: 'een Lustre-netwerkbestandssysteem',
      gfs2: 'een GFS2-clusterbestandssysteem',
      ocfs2: 'een OCFS2-clusterbestandssysteem',
      nine_p: 'een gedeelde 9P-map (WSL of virtuele machine)',
      virtualbox: 'een gedeelde VirtualBox-map',
      fuse: 'een FUSE-bestandssysteem (sshfs, GNOME-netwerkshares, rclone, …)',
      windows_share: 'een Windows-netwerkshare (UNC-pad)',
      mapped_drive: 'een gekoppelde netwerkschijf',
      external_volume: 'een externe schijf of netwerkschijf',
    },
    queueState: {
      idle: 'inactief',
      uploading: 'bezig met opladen',
      paused: 'gepauzeerd',
      offline: 'offline',
      auth_required: 'token nodig',
      scope_missing: 'recht ontbreekt',
      storage_error: 'opslagfout',
    },
    folderAvailability: {
      starting: 'wordt gestart',
      watching: 'gevolgd',
      polling: 'regelmatig nagekeken',
      unavailable: 'niet beschikbaar',
    },
    controlFault: {
      not_json: 'een bericht is geen regel UTF-8-JSON',
      too_long: 'een bericht is te lang',
      not_a_frame: 'een bericht hoort niet bij het besturingskanaal',
      no_hello_first: 'ze groette niet eerst',
      hello_twice: 'ze groette twee keer',
      idle: 'er werd te lang niets verstuurd',
      not_reading: 'de antwoorden werden niet gelezen',
    },
    shell: {
      electron: 'de desktopapp',
      browser: '`clearfacts-uploader ui`',
      cli: 'een `clearfacts-uploader`-opdracht',
    },
    cliLabel: {
      engine: 'Verwerking',
      queue: 'Wachtrij',
      history: 'Geschiedenis',
      hold: 'Blokkering',
      files: 'Bestanden',
      folder: 'Map',
      last_upload: 'Laatst opgeladen',
      last_error: 'Laatste fout',
      follow_up: 'Opvolging',
      type: 'soort',
      change: 'wijziging',
      verdict: 'oordeel',
      service: 'Dienst',
      user: 'Gebruiker',
      email: 'E-mailadres',
      scopes: 'Machtigingen',
      checked_at_upload: 'Nagekeken bij de eerste upload',
      stored: 'Bewaard',
      warning: 'Waarschuwing',
      content: 'inhoud',
      goes_to: 'gaat naar',
      schema: 'schema',
    },
    cliColumn: {
      id: 'ID',
      state: 'STATUS',
      file: 'BESTAND',
      to: 'NAAR',
      when: 'WANNEER',
      in_clearfacts: 'IN CLEARFACTS',
      why: 'WAAROM',
      path: 'PAD',
      goes_to: 'GAAT NAAR',
      split: 'SPLITSEN',
      pending: 'WACHTEND',
      uploaded: 'OPGELADEN',
      failed: 'MISLUKT',
      type: 'SOORT',
      name: 'NAAM',
      company: 'ONDERNEMING',
      account_manager: 'DOSSIERBEHEERDER',
      sent: 'VERZONDEN',
      size_sent: 'GROOTTE VERZONDEN',
    },
    cliHelp: {
      program: 'Stuur facturen en archiefdocumenten betrouwbaar vanuit mappen naar Clearfacts.',
      config_dir: 'instellingen, geschiedenis en logboeken',
      api_url: 'het GraphQL-adres van Clearfacts',
      debug: 'houd een gedetailleerd logboek bij en toon stacktraces',
      version: 'toon het versienummer',
      help_option: 'toon hulp bij de opdracht',
      help_command: 'toon hulp bij een opdracht',
      token: 'de Clearfacts-token instellen, controleren of verwijderen',
      token_set:
        'lees een token van standaardinvoer (of vraag erom), controleer het bij Clearfacts en bewaar het',
      allow_plain_file:
        'waar geen sleutelbos van het systeem is: akkoord om de token in <config-dir>/token te bewaren (modus 0600, niet versleuteld)',
      json_result: 'toon het resultaat als JSON',
      token_check: 'vraag Clearfacts van wie de bewaarde token is en wat hij mag',
      token_clear: 'verwijder de bewaarde token',
      administrations: 'toon de administraties die de token kan bereiken',
      json_them: 'toon ze als JSON',
      categories:
        'toon de archiefcategorieën van een administratie (namen en ID’s voor --category)',
      folders: 'de mappen die gevolgd worden',
      folders_add: 'volg een map en stuur wat erin verschijnt naar één administratie en bestemming',
      json_folders: 'toon de mappen als JSON',
      folders_tree:
        'maak een boekhoudersboom (<administratie>/Aankoop, Verkoop, Archief/…) onder <root> en volg hem',
      folders_inbox:
        'volg de e-factuurinbox van een boekhouder: elke e-factuur gaat naar de administratie van haar klant (aankoop) of leverancier (verkoop)',
      folders_list: 'toon de gevolgde mappen',
      folders_remove: 'stop met een map te volgen (de bestanden blijven waar ze zijn)',
      folders_take_over:
        'een map afleveren die een andere installatie had, zodra die een tijd stil is',
      company: 'de administratie, op ondernemingsnummer (0123456789)',
      type: 'waar de documenten naartoe gaan',
      category:
        'archiefcategorie, op naam of ID; verplicht bij diverse en permanent (zie `categories`)',
      folder_split:
        'wat de map doet met wat binnenkomt: off, separator, blank, blank-backs, page of pages:N knippen gescande stapels (PDF) zoals bij upload; bundle:N voegt de JPEG-, PNG- en PDF-bestanden van een scansessie samen tot één PDF in volgorde van naam zodra het N seconden stil is in de map (5 tot 600; 30 is gebruikelijk)',
      split:
        "knip gescande stapels (PDF) in documenten: off, separator (op scheidingsbladen), blank (op blanco pagina's, apart bewaard), blank-backs (niet geknipt, blanco pagina's weggelaten en apart bewaard), page of pages:N",
      upload:
        'stuur bestanden nu en wacht tot elk opgeladen of mislukt is (ze worden niet verplaatst)',
      json_outcomes: 'toon de uitkomst van elk bestand als JSON',
      check: 'zeg wat er met elk bestand zou gebeuren, zonder iets te versturen',
      check_json: 'toon de voorvertoning van elk bestand als JSON',
      watch: 'volg de mappen en stuur wat erin verschijnt, tot Ctrl-C',
      watch_json: 'toon elke gebeurtenis als één JSON-regel',
      history: 'wat er met elk bestand gebeurd is, nieuwste eerst',
      history_status: 'alleen deze statussen, gescheiden door komma’s',
      history_company: 'alleen deze administratie',
      history_search: 'alleen bestandsnamen die deze tekst bevatten',
      history_in_clearfacts: 'alleen bestanden die Clearfacts het laatst zo noemde',
      history_limit: 'hoogstens zoveel bestanden (1-1000)',
      history_incidents:
        'alleen de onbevestigde bestanden, gegroepeerd per storing die ze onbevestigd liet',
      history_json:
        'toon de bestanden als JSON: { rows, total, followUp } (inClearfacts: wat Clearfacts het laatst zei)',
      retry:
        'controleer een mislukt of dubbel bestand opnieuw en stuur het (--all: elk mislukt bestand)',
      retry_all: 'elk mislukt bestand',
      resend:
        'stuur een onbevestigd of dubbel bestand opnieuw, al staat het misschien al in Clearfacts (--incident: elk onbevestigd bestand van één storing)',
      incident: 'elk onbevestigd bestand van deze storing (zie history --incidents)',
      json_outcome: 'toon de uitkomst als JSON',
      choose:
        'stuur een tegengehouden e-factuur: naar de administratie die ze noemt (--send-to met --type), of waar ze staat (--here)',
      choose_send_to: 'ondernemingsnummer van de administratie om ze naartoe te sturen',
      choose_type: 'aankopen of verkopen, met --send-to',
      choose_here: 'stuur ze toch waar ze staat',
      dismiss:
        'bewaar een mislukt of wachtend bestand als verslag: niet meer meegeteld, nooit verzonden',
      mark_done:
        'noteer een onbevestigd bestand als aangekomen (u zag het in Clearfacts; --incident: elk onbevestigd bestand van één storing)',
      status:
        'de gezondheid van de verwerking: aantallen in de wachtrij, blokkeringen, mappen, laatste upload en laatste fout, en waarom de opvolging in Clearfacts gepauzeerd is als dat zo is; sluit af met 1 als iets u nodig heeft (mislukte of onbevestigde bestanden, geen bruikbaar token, een ontbrekende scope, een geschiedenis die niet geschreven kan worden, een onbeschikbare map)',
      status_json:
        'toon het als JSON: { running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
      separator_sheet:
        'schrijf een afdrukbaar scheidingsblad (PDF) naar standaarduitvoer: leg er een voor elk document van een gescande stapel',
      sheet_type: 'wat het blad doet: next, of de bestemming van het volgende document',
      sheet_company: 'het volgende document gaat naar deze administratie (0123456789)',
      sheet_category: 'de archiefcategorie (diverse en permanent)',
      ui: 'toon de app in uw browser (alleen loopback) terwijl de verwerking draait, of stuur door naar de verwerking die al draait',
      ui_port: 'de lokale poort (standaard: een vrije)',
      ui_link:
        'toon een nieuwe privélink naar de pagina die de lopende `ui` serveert, op één regel, en stop (voor een script dat hem opent)',
      ui_allow_plain_file:
        'waar geen sleutelbos van het systeem is: akkoord om een token waarmee u zich aanmeldt in <config-dir>/token te bewaren (niet versleuteld)',
      service: 'draai `watch` als dienst van deze computer (systemd, launchd, Taakplanner)',
      service_install:
        'schrijf de dienstdefinitie voor deze configuratiemap, schakel ze in en start ze (op Windows: toon de opdrachten)',
      service_token_file:
        'de dienst leest de token uit dit bestand (CLEARFACTS_TOKEN_FILE), bv. een systemd-credential',
      service_no_linger: 'systemd: zet lingering niet aan (de dienst stopt dan bij het afmelden)',
      service_print: 'toon de definitie in plaats van ze te installeren',
      service_uninstall: 'stop de dienst en verwijder zijn definitie',
      service_status:
        'wat de dienstbeheerder ziet en de gezondheid van de verwerking (zoals `status`); sluit af met 1 als de dienst niet draait of iets u nodig heeft',
      service_status_json:
        'toon het als JSON: { service, running, engine, status, holds, folders, lastUpload, lastError, attention, followUp }',
      title_usage: 'Gebruik:',
      title_arguments: 'Argumenten:',
      title_options: 'Opties:',
      title_global_options: 'Algemene opties:',
      title_commands: 'Opdrachten:',
      usage_options: '[opties]',
      usage_command: '[opdracht]',
      extra_default: 'standaard:',
      extra_choices: 'keuzes:',
    },
  },
};
