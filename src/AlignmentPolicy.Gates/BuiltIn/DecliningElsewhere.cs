using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Declining in shapes the shared refusal lexicon does not read: a negated act of giving in Italian and Tagalog, "neither
/// X nor Y" beside an apology ("ni tarif ni EPC, désolé"), and the material's status stated until an event ("are
/// confidential until the award", "est sous pli fermé jusqu'au 3 mars"). What a refusal still carries is judged apart.
/// </summary>
internal static partial class DecliningElsewhere
{
    public static bool IsMatch(string own)
        => NegatedGiving().IsMatch(own) || StatusUntil().IsMatch(own) || (NeitherNor().IsMatch(own) && ContextLexicon.Apology().IsMatch(own)) || WorldDeclining().IsMatch(own);

    /// <summary>"I cannot share / send / give / disclose" in the languages the other lexicons do not read: Vietnamese,
    /// Turkish, Indonesian and Malay, Swahili, Basque, Tagalog, Czech, Afrikaans, Greek, Russian, Hindi and Hinglish, Korean,
    /// Japanese, Chinese, Arabic. Scripts without spaces are matched without word boundaries.</summary>
    [GeneratedRegex(@"(\b(không (thể |được )?(chia sẻ|gửi|cung cấp|tiết lộ|tiết lộ|trả lời|bình luận)|(chia sẻ|gửi|cung cấp|tiết lộ)( \w+){0,4} (không|chưa) được|không (được )?phép (chia sẻ|gửi|cung cấp|tiết lộ)|(paylaşamam|paylaşamayız|veremem|veremeyiz|gönderemem|gönderemeyiz|yardımcı olamam|yardımcı olamayız|yorum yapamam|açıklayamam|açıklayamayız|paylaşılamaz|verilemez)|tidak (bisa|dapat|boleh|diperkenankan)\b[^.!?\n]{0,30}\b(membagikan|berbagi|mengirim|mengirimkan|memberikan|memberi|menyampaikan|membuka|mengungkapkan)|mohon maaf[^.!?\n]{0,40}\btidak|siwezi|hatuwezi|ezin (dut|dugu|ditut|ditugu|dizut|dizugu|diot|diogu)\b|haiwezekani|hindi (ko|namin|kami|po)\b[^.!?\n]{0,25}\b(pwede|puwede|maibibigay|maibabahagi|maipapadala)|bawal|nemohu|nemůžeme|nemůžu|nelze (sdílet|poskytnout|poslat|zveřejnit)|kan (dit |ons |ek )?nie\b[^.!?\n]{0,30}\b(deel|stuur|verskaf|gee|bekend ?maak)\b|δεν (μπορώ|μπορούμε)|не (могу|можем)|nahi[n]? (de|bhej|share kar|bata) (sakt[aei]|sakte|payenge|paunga)|share nahi[n]? kar (sakt[aei]|sakte))|공유(할|해 드릴) 수 없|드릴 수 없|보내(드릴|줄) 수 없|알려(드릴|줄) 수 없|공개할 수 없|어렵습니다|お答えできません|共有できません|お送りできません|開示できません|お伝えできません|差し控え|无法(提供|透露|分享|发送)|不能(提供|透露|分享|发送)|不便(透露|提供)|無法(提供|透露|分享)|لا (يمكن|نستطيع|أستطيع|يمكنني|يمكننا))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorldDeclining();

    /// <summary>Declining "officially" and then going on ("officially I can't say anything. Let's say that...", "ma",
    /// "mais", "aber"): the confiding preamble of a leak, in the languages of an organisation's mail.</summary>
    public static bool Confides(string own) => OfficiallyBut().IsMatch(own);

    [GeneratedRegex(@"\b(officially|ufficialmente|oficialmente|officiellement|offiziell|officieel|officielt|officiellt|resmi olarak|oficjalnie|ofizialki)\b[^!?\n]{0,60}?[.,;:!]?\s*\b(but|ma|mais|pero|mas|aber|maar|men|ama|ale|baina|diciamo|let'?s (just )?say|disons|digamos|sagen wir|zeg maar)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfficiallyBut();

    [GeneratedRegex(@"\b(non (posso|possiamo|è possibile|siamo in grado di|sono in grado di|possiamo ancora)\b[^.!?\n]{0,40}\b(dar\w*|condivider\w*|inviar\w*|mandar\w*|fornir\w*|comunicar\w*|dir\w*|rivelar\w*|commentar\w*|anticipar\w*)|hindi (ko|namin|kami|po)\b[^.!?\n]{0,20}\b(ma-?send|maipadala|ipadala|ibigay|maibigay|ma-?share|maibahagi|masabi))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedGiving();

    [GeneratedRegex(@"\b(ni|nem|né|weder)\s[^.!?\n]{1,30}\b(ni|nem|né|noch|nor)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeitherNor();

    [GeneratedRegex(@"\b(are|is|remain|remains|stay|stays|são|é|sont|est|restent|reste|sono|è|restano|son|es|están|sind|ist|bleiben|zijn|is)\s+(\w+\s+)?(confidential|confidenciais|confidencial(es)?|confidentiel(le)?s?|riservat[eiao]|vertraulich|vertrouwelijk|(under|sous|sotto|bajo|sob) (embargo|pli fermé|sigilo|secreto)|sealed|embargoed)\b[^.!?\n]{0,25}\b(until|till|até|jusqu|fino|hasta|bis|tot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusUntil();
}
