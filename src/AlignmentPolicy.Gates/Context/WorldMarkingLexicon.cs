using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Confidentiality and publication labels in the languages <see cref="ContextLexicon.ForeignConfidentialMarker"/> does
/// not read: an organisation marks its material in its own language (Turkish, Vietnamese, Indonesian, Swahili, Tagalog,
/// Korean, Japanese, Chinese, Arabic, Czech, Afrikaans, Greek, Russian, Hindi, ...), and a published document says so in
/// its own language too. Scripts without spaces between words (CJK, Arabic) are matched without word boundaries.
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>A label that marks material as not for outsiders, in languages beyond the western European ones. Read on
    /// text folded by <see cref="ScriptFolding.FoldTurkishI"/>: the Turkish dotted and dotless i are written "i" here.</summary>
    [GeneratedRegex(@"(\b(gizli(dir)?|çok gizli|hizmete özel|şirket dişina (verilmez|çikmaz|paylaşilmaz)|m[əe]xfi|құпия|нууц|tsiambaratelo|konfidansy[èe]l|salajane|slaptas|slapta informacija|slepen[si]?|слепен|секретно|таємно|tuyệt mật|(lưu hành|sử dụng|tài liệu) nội bộ|không (được )?chia sẻ|bảo mật - |rahasia|sangat rahasia|hanya untuk (internal|kalangan sendiri)|untuk kalangan (internal|terbatas)|siri kubwa|ni siri|(kwa )?matumizi ya ndani( tu)?|usisambaze|kumpidensyal|lihim|huwag ipamahagi|d[uů]v[eě]rn[eéáý]|p[rř][ií]sn[eě] d[uů]v[eě]rn[eé]|neve[rř]ejn[eé]|vertroulik|streng vertroulik|slegs (vir )?intern|εμπιστευτικ\w*|απόρρητ\w*|конфиденциальн\w*|для служебного пользования|коммерческая тайна|bizalmas|confiden[tț]ial|sigilos[oa]|de uso interno|uso exclusivo interno|ściśle tajne|tajemnica przedsiębiorstwa|hemlig|hemmelig|luottamuksellinen)\b|गोपनीय|סודי|대외비|기밀|비공개|내부용|社外秘|部外秘|極秘|機密|関係者限り|取扱注意|机密|保密|绝密|内部资料|內部資料|سري|سرّي|للاستخدام الداخلي|សម្ងាត់|ລັບ|රහස්‍ය|ሚስጥራዊ)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex WorldConfidentialMarker();

    /// <summary>A label opening a line that says the text is published or public, in the languages of an organisation's mail
    /// ("Public:", "Published on", "Publié sur", "Publicado", "Veröffentlicht", "Opublikowany", "Yayımlanmış", "Đã công
    /// bố", "Imechapishwa", "Dipublikasikan", "公開", "공개"). Only at a line's start, so "not public" and "비공개" are not it.</summary>
    [GeneratedRegex(@"(^|(?<=[.!?]\s))\W{0,4}(public( list| notice| information| record)?\s*[:\-\u2013]|published\b|announced\b|publi[ée]e?s?\b|publicad[oa]s?\b|divulgad[oa]\b|pubblicat[oa]\b|ver[öo]ffentlicht\b|[öo]ffentlich\s*[:\-\u2013]|gepubliceerd\b|openbaar\s*[:\-\u2013]|opublikowan[yaeo]\b|yay[ıi]mlanm[ıi][şs]|yay[ıi]nlanm[ıi][şs]|kamuya a[çc][ıi]k|đã công bố|công khai\s*[:\-\u2013]|imechapishwa|dipublikasikan|diumumkan|inilathala|zve[řr]ejn[eě]no|gepubliseer|publicerad\b|publisert\b|offentliggjort\b|δημοσιε\w+|опубликован\w*|公開|公表|公开|已公布|공개|공시)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    public static partial Regex PublicationLabel();

    /// <summary>A press release or text for publication named as such, in the languages of an organisation's mail.</summary>
    [GeneratedRegex(@"(\b(press release|for publication|comunicato stampa|per la pubblicazione|communiqu[ée] de presse|pour publication|nota de prensa|comunicado de (prensa|imprensa)|para publica(ci[oó]n|[cç][aã]o)|pressemitteilung|zur ver[öo]ffentlichung|persbericht|informacja prasowa|komunikat prasowy|bas[ıi]n b[üu]lteni|siaran pers|thông cáo báo chí|tiskov[aá] zpr[aá]va|pressmeddelande|pressemelding|pressemeddelelse|taarifa kwa vyombo vya habari)\b|보도자료|プレスリリース|新闻稿|新聞稿)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PressRelease();
}
