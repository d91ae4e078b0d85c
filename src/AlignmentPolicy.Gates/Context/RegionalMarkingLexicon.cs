using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// General language function in the languages the other lexicons do not read (Romanian, Danish, Croatian/Serbian/Bosnian,
/// Ukrainian, Bulgarian, Hungarian, Malay, Catalan, Thai, Slovak, Slovene, Hebrew, Finnish, Estonian, Latvian,
/// Lithuanian, Persian, ...): how an organisation labels material as not for outsiders, how a look-alike asks to be sent
/// material "to this address", how a public body names itself, and how a writer declines. Words of function, not of any
/// scenario: each alternative is what any mail in that language says to do the same job.
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>A phrase that marks material as not for outsiders wherever it stands: "confidential", "do not distribute /
    /// forward / share outside", "for internal use", "not to be published before", "not final", "do not confirm to
    /// anyone". Bare "internal" is too common in prose ("internal control") and is read only as a label
    /// (<see cref="RegionalInternalLabel"/>).</summary>
    [GeneratedRegex(@"(\b(" +
        // Romanian
        @"confiden[tț]ial[aă]?|strict secret|uz intern|doar pentru uz intern|nu (se )?(trimite|distribui\w*|divulg\w*|comunic\w*|publica\w*|face public)\w*( [îi]nc[aă])?|nu comunic[aă]m|a nu se (trimite|distribui|divulga|comunica)" +
        // Danish / Norwegian (beyond "fortrolig")
        @"|(kun )?til intern brug|kun til internt brug|m[åa] ikke (deles|videresendes|videregives|offentligg[øo]res|sendes)|ikke til offentligg[øo]relse|ikke offentlig|fortroligt|til internt bruk" +
        // Croatian / Serbian / Bosnian / Slovene
        @"|povjerljiv\w*|poverljiv\w*|zaupn\w*|ne dijeliti|ne prosljeđivati|ne prosleđivati|ne deliti|samo za internu (upotrebu|uporabu)|za internu upotrebu|ne (dijeliti|širiti|objavljivati) izvan|poslovna tajna" +
        // Ukrainian / Bulgarian / Russian forms the other lexicons miss
        @"|конфіденційн\w*|не розсилати|не поширювати|не пересилати|не розголошувати|для внутрішнього (користування|використання)|комерційна таємниця|поверително|за вътрешно ползване|не разпространявайте|не (се )?разпространява|търговска тайна|не распространять|не пересылать" +
        // Basque; Serbian / Croatian / Slovene "not for the public", "do not publish"
        @"|konfidentzial\w*|isilpeko|ez (zabaldu|banatu|argitaratu|partekatu)|barne[- ]erabilerarako|nije za javnost|ni za javnost|ne objavlj(ivati|ati)" +
        // Maltese
        @"|kunfidenzjal\w*|għall-użu intern( biss)?|ghall-uzu intern( biss)?" +
        // Hungarian (beyond "bizalmas")
        @"|csak belső használatra|belső használatra|ne menjen tovább|nem nyilvános|ne add tovább|ne továbbítsd|üzleti titok|titkos" +
        // Malay / Indonesian
        @"|(maklumat|dokumen|fail|data) sulit|sulit dan rahsia|rahsia|sangat sulit|untuk kegunaan dalaman|kegunaan dalaman sahaja|jangan (kongsi|edar|sebar)\w*|tidak boleh dikongsi" +
        // Catalan
        @"|ús intern|només per a ús intern|no difondre|no (es )?publiqu\w+|no compartir" +
        // Slovak / Czech forms
        @"|dôvern[eéáý]|prísne dôvern[eé]|len pre intern\w+ (potrebu|použitie)|nešíriť|neposielať ďalej|interné - |pro interní potřebu|nešířit" +
        // Finnish / Estonian / Latvian / Lithuanian
        @"|vain sisäiseen käyttöön|sisäiseen käyttöön|ei (saa )?(jakaa|julkaista|levittää)|salainen|konfidentsiaalne|ainult sisekasutuseks|konfidenciāl\w*|konfidencial\w*|tik vidaus naudojimui" +
        // Not yet final / not yet announced
        @"|nu (este |e )?(încă )?final|ikke endelig|nije kona[cč]n\w*|nem végleges|не остаточн\w*|не окончателн\w*|ei (vielä )?lopullinen|ešte nie je finálne|nie je finálne|belum muktamad|encara no (és )?definitiu" +
        @")\b|סודי|חסוי|לא להפצה|לשימוש פנימי|(?<![\u0E00-\u0E7F])ลับ(มาก)?\s*[-:]|ความลับ|ห้าม\s?เปิดเผย|ห้าม\s?ยืนยัน|ใช้ภายในเท่านั้น|محرمانه|خفیہ|গোপনীয়|ரகசிய|კონფიდენციალ|գաղտնի)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RegionalConfidentialMarker();

    /// <summary>The bare word "internal" as a label: a subject's or first line's last word in brackets or after a dash
    /// ("senarai klien (dalaman)", "VIP klijenti 2027 - interno", "tarifa 2027 - belső"). In prose the same words mean
    /// "internal control" and mark nothing; a document's one-word marking line is a classification level, read by the
    /// other lexicons where it says more than "internal".</summary>
    [GeneratedRegex(@"([-–—(:|]\s*)(intern[oaei]?|interní|interné|belső|dalaman|internt|sisäinen|вътрешн\w*|внутрішн\w*|פנימי|ภายใน)\s*\)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    public static partial Regex RegionalInternalLabel();

    /// <summary>Asking for material to go to the address the mail came from, in the languages
    /// <c>SendToThisAddress</c> does not read ("la această adresă", "на цю адресу", "a aquesta adreça", "erre a címre").</summary>
    [GeneratedRegex(@"(\b((la|pe) (această|aceasta|asta) adres[aă]|pe adresa (asta|aceasta)|a aquesta adreça|a questo indirizzo|erre a (e-?mail)?címre|na (ovu|ovo) (adresu|e-?mail)|na (túto|tuto) adresu|tähän osoitteeseen|sellele aadressile|uz šo adresi|šiuo adresu|na ta naslov|ke alamat (e-?mel |emel |email )?ini|til denne adresse|bu adrese|kwa anwani hii|helbide (honetara|honetan)|σε αυτή(ν)? τη(ν)? διεύθυνση)\b|на (цю|ц[юя]) адрес\w*|на (этот|этот же) адрес|на (този|тоя) адрес|לכתובת (הזו|הזאת|זו)|ที่อยู่นี้|อีเมลนี้|이 주소로|这个地址|此地址|هذا العنوان)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RegionalSendToThisAddress();

    /// <summary>A public body naming itself in its own language: an authority, inspectorate, agency, ministry or state
    /// service ("Vasúti Hatóság", "Arbejdstilsynet", "Державна служба ...", "Autoritatea ...").</summary>
    [GeneratedRegex(@"(\b(hatóság\w*|\w*tilsyn(et)?|\w*styrelsen|\w*myndighed(en)?|\w*virasto|\w*viranomainen|autoritat|autoritatea|inspectoratul|ministerul|ministarstvo|inspektorat\w*|ministerstvo|úrad pre|inšpektorát|kementerian|suruhanjaya)\b|державн\w+ служб\w*|інспекці\w+|міністерств\w+|комисия|министерство|רשות)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RegionalPublicBody();

    /// <summary>Asking for something in those languages (and the common European ones the English request words miss):
    /// "please send", "can you tell", "I need", "how much".</summary>
    [GeneratedRegex(@"(\b(palun|saatke|saada|trimite\w*|pošalji\w*|pošaljite|posla[tť]\w*|küld\w*|hantar\w*|envia'?m|envieu|enviar|envíe\w*|mande\w*|manda\w*|inviate|invia\w*|schick\w*|senden sie|stuur|skick\w*|send(e|er)? meg|lähet\w*|tarvitsen|potrebujem|potřebuj\w*|trebuie să|am nevoie|treba mi|trebam|szükségem|perlukan|necessito|necesito|ho bisogno|brauche|nosūt\w*|atsiųs\w*|pošlji\w*|tolong|boleh\b[^.?!\n]{0,30}\bhantar|cât|cîte|koliko|mennyi\w*|berapa|quant[aeo]s?|cuánt[oa]s?|quanto|wie ?viel\w*|hvor (meget|mange|mye)|hur (mycket|många)|kuinka (paljon|monta)|kui palju|cik|bitte[nt]?|prosím|prosimo|molim|proszę|kérem|kérjük|vă rog|pyydä\w*|vänligen|venligst|vennligst|por favor|per favore|per favor|alstublieft|lütfen|tafadhali|sila)\b|надішл\w*|надіслати|пришл\w*|изпрат\w*|скільки|сколько|колко|просимо|прошу|моля|пожалуйста|будь ласка|בבקשה|กรุณา|โปรด|שלח\w*|כמה|ส่ง|เท่าไ)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RegionalRequestVerb();

    /// <summary>Declining in those languages: "I cannot send / share / say", "no comment", "we do not comment".</summary>
    [GeneratedRegex(@"(\b(nu (pot|putem|vă pot|îți pot|iti pot|ti-o pot|le pot)\b[^.!?\n]{0,40}\b(trimite|da|spune|comunica|divulga|confirma|oferi)|nu comentăm|fără comentarii|nu le discutăm|(jeg|vi) (kan|må) ikke\b[^.!?\n]{0,40}\b(dele|sende|oplyse|udtale|give|bekræfte)|(vi )?udtaler os ikke|ingen kommentarer|ne (mogu|možemo|smijem|smijemo)\b[^.!?\n]{0,40}\b(poslati|dijeliti|podijeliti|reći|otkriti|potvrditi|dati)|ne dajemo (nikakve )?informacij\w*|bez komentara|nem (tudok|tudunk|adhatok|adhatunk|küldhetek|küldhetünk|oszthatok|oszthatunk)|nem nyilatkozunk|tak (boleh|dapat) (kongsi|berkongsi|hantar|beri|dedahkan)|tiada komen|no (puc|podem)\b[^.!?\n]{0,40}\b(enviar|compartir|donar|dir|confirmar|facilitar)|sense comentaris|nemôžem\b[^.!?\n]{0,40}\b(poslať|zdieľať|povedať|potvrdiť)|bez komentára|en (voi|pysty)\w*\b[^.!?\n]{0,40}\b(lähettää|jakaa|kertoa|vahvistaa)|emme kommentoi|ei kommentoitavaa|(me )?ei (saa|saaks|tohi)\b[^.!?\n]{0,40}\b(jagada|saata|öelda|kinnitada|avaldada)|ei kommenteeri|va fi (anun[tț]at|comunicat|publicat)|se (comunic[aă]|anun[tț][aă]) (\w+ ){0,3}la|bude (oznámen|zverejnen|zveřejněn)\w*|bit će (objavljen|objavljeno)\w*|(ki|be)jelentjük|(annonceres|offentligg[øo]res) (\w+ ){0,3}(på|den)|ilmoitetaan|julkaistaan|akan diumumkan|s'anunciar[àa]|es comunicar[àa]|se anunciar[áa]|ser[áa] (anunciad|comunicad|publicad)\w*|wird (\w+ ){0,4}(bekanntgegeben|ver[öo]ffentlicht)|sera (annonc|communiqu|publi)\w*|nevar(u|am)\b[^.!?\n]{0,40}\b(dalīties|nosūtīt|pateikt|apstiprināt|izpaust)|negaliu|negalime|ne morem(o)?\b[^.!?\n]{0,40}\b(poslati|deliti|povedati|potrditi))\b|не (можу|можемо|можем|мога)\b[^.!?\n]{0,40}\b(надіслати|поділитися|розголошувати|сказати|підтвердити|изпратя|споделя|кажа|потвърдя|отправить|сообщить)|без коментар\w*|без коментари|לא (אוכל|נוכל|יכול|יכולה)\b[^.!?\n]{0,30}(לשלוח|לשתף|למסור|לאשר)|אין תגובה|ไม่สามารถ(เปิดเผย|ให้ข้อมูล|ยืนยัน|ส่ง)|ไม่มีความเห็น)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RegionalDeclining();
}
