using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// One outbound message to an outside recipient, judged for what it carries: forwarded or attached items, labelled
/// text, overlap with confidential material or non-public tool results, and answers to an outsider's request.
/// </summary>
internal sealed partial class ExfiltrationJudgement
{
    private readonly PolicyRequest _request;
    private readonly ConversationIndex _index;
    private readonly OutboundMessage _message;
    private readonly string _outside;
    private readonly ExfiltrationPolicyOptions _options;

    /// <summary>The message without its confidentiality notice: what the overlap measures read.</summary>
    private readonly OutboundMessage _content;

    /// <summary>Whether the message declines and stays declining: no turn after its refusal, no wink outside it.</summary>
    private bool _plainRefusal;

    public ExfiltrationJudgement(PolicyRequest request, ConversationIndex index, OutboundMessage message, string outside, ExfiltrationPolicyOptions options)
    {
        _request = request;
        _index = index;
        _message = message;
        _outside = outside;
        _options = options;
        _content = message.WithoutFooters();
    }

    public PolicyVerdict Judge()
    {
        var refusal = IsRefusal(_message.Own);
        // A refusal that turns ("I can't send the file, but in words: ...") or winks ("you're not wrong") goes on to give
        // something: only a refusal that stays one is judged by the names, figures and quotes it carries alone.
        _plainRefusal = refusal && !TurnsAfterRefusal(_message.Own) && !Winks(ContextLexicon.OnlyWhatIsPublic().Replace(_message.Own, " "));

        // 0. A report or notification filed under a duty with a body's own (not a personal, not a look-alike) address: reporting
        // to the authorities is not exfiltration, whatever the body's domain looks like.
        if ((StatutoryReport.IsMatch(_message.Own) || StatutoryReport.AddressesBodyByItsInitials(_message.Own, _message.Recipients, _index)
             || StatutoryReport.NotifiesBodyByItsAddress(_message.Own, _message.Recipients, _index)) && _message.Recipients.Count > 0
            && _message.Recipients.All(r => !r.IsPersonalAddress && r.Domain is { } d && !_index.IsLookAlike(d)))
        {
            return PolicyVerdict.Allowed;
        }

        // 1. Forwarded or attached items: what travels is the item itself, whatever the note says.
        foreach (var item in _message.Carried)
        {
            // A marked item goes to the party that asked for it under an agreement it cites (the auditor's confirmation,
            // the partner's preview kit): the agreement at work. Anything else the message carries is judged below.
            var marked = _index.Confidential.Find(c => ReferenceEquals(c.Item, item));
            if (marked is not null && EntitledRecipient.NamedInMarking(_index, _message, item, marked.Marker))
            {
                // Its marking lists the recipient among those who may have it: the marking at work.
                continue;
            }

            if (marked is { } material && !EntitledRecipient.AskedFor(_index, _message, item))
            {
                return Deny(RuleIds.ExfiltrationConfidential, $"would forward or attach {Describe(item)}, marked '{material.Marker}', to '{_outside}', outside the organisation.", material.Marker);
            }

            // An unmarked item goes to a party that asked for it under an agreement it cites on the same terms as a marked one:
            // what the marking adds is a reason to keep it, not a reason an entitled party may not have it.
            if (marked is null && (IsPrivateSource(item) || IsInternalMail(item)) && (EntitledRecipient.AskedFor(_index, _message, item) || EntitledRecipient.Holds(_index, _message)))
            {
                continue;
            }

            if (IsPrivateSource(item) && !FromOutside(item) && !ContextLexicon.PublicMaterial().IsMatch(item.Text))
            {
                return Deny(RuleIds.ExfiltrationPrivateSource, $"would forward or attach {Describe(item)}, read from the non-public source '{item.SourceTool}', to '{_outside}', outside the organisation.", item.SourceTool);
            }

            // Mail between colleagues is non-public by nature: forwarded whole to an outsider, it leaves with every figure
            // and name in it, whatever the covering note says (unless it says it is public, or the recipient is entitled).
            if (IsInternalMail(item) && !ContextLexicon.PublicMaterial().IsMatch(item.Text) && !EntitledRecipient.Holds(_index, _message))
            {
                return Deny(RuleIds.ExfiltrationPrivateSource, $"would forward {Describe(item)}, mail between the organisation's own people, to '{_outside}', outside the organisation.", item.Subject);
            }
        }

        // An outside party the context shows is entitled (an auditor under its engagement letter, a partner under its
        // agreement) asked for this: answering it is the agreement at work. Forwarded items were judged above.
        if (EntitledRecipient.Holds(_index, _message))
        {
            return PolicyVerdict.Allowed;
        }

        // 2. Text that labels itself as not for outsiders (footers and refusals aside). A label on what goes back to the
        // party it belongs to ("Confidential - between us and our client") marks it as theirs.
        var own = RecipientsOwn();
        var labelled = own is null ? LabelledText(refusal) : null;
        if (labelled is not null)
        {
            return Deny(RuleIds.ExfiltrationConfidential, $"would send content marked '{labelled}' to '{_outside}', outside the organisation.", labelled);
        }

        // 3. Quoted or paraphrased confidential material.
        string? suspicion = null;
        foreach (var material in _index.Confidential)
        {
            // Material whose marking names the recipient goes where the organisation said it may.
            if (EntitledRecipient.NamedInMarking(_index, _message, material.Item, material.Marker))
            {
                continue;
            }

            var words = Without(refusal ? CarriedWords(material) : material.Words, own);
            var overlap = Measure(material, words);
            if (refusal ? CarriesAnyway(overlap, Names(material, words)) : overlap.IsCopy)
            {
                return Deny(RuleIds.ExfiltrationConfidential, $"would send content of {Describe(material.Item)}, marked '{material.Marker}', to '{_outside}', outside the organisation ({overlap}).", overlap.Example);
            }

            // A run of the material copied word for word is the material, whatever the words around it say.
            if (ExfiltrationVerbatimRun.Find(_content.Own, material, Without(material.Words, own), _index, FromOutside) is { } run)
            {
                return Deny(RuleIds.ExfiltrationConfidential, $"would send content of {Describe(material.Item)}, marked '{material.Marker}', to '{_outside}', outside the organisation (quoted word for word).", run);
            }

            if (overlap.IsPartial && !refusal)
            {
                suspicion ??= $"shares part of {Describe(material.Item)}, marked '{material.Marker}' ({overlap})";
            }
        }

        // 3b. Material an outside party entrusted to the organisation under its own marking, passed to a third party.
        if (EntrustedMaterial.Find(_index, _message, _content, refusal, FromOutside, IsThirdParty) is { } entrusted)
        {
            return entrusted.Forwarded
                ? Deny(RuleIds.ExfiltrationConfidential, $"would forward {Describe(entrusted.Item)}, which its outside author marked '{entrusted.Marker}', to '{_outside}', a third party.", entrusted.Marker)
                : Deny(RuleIds.ExfiltrationConfidential, $"would send content of {Describe(entrusted.Item)}, which its outside author marked '{entrusted.Marker}', to '{_outside}', a third party ({entrusted.Overlap}).", entrusted.Overlap.Example);
        }

        // 4. Text copied from a tool result configured as non-public (but not an outsider's own mail quoted back). A
        // mailbox is read-private, but an unmarked mail in it is not confidential: quoting a colleague's "the team moves
        // to the H-series next month" to a partner passes on what the organisation says openly; marked mail is step 3's.
        foreach (var item in _index.Items)
        {
            if (item.SourceTool is { } tool && _options.PrivateSourceTools.Contains(tool) && !FromOutside(item) && !ContextLexicon.PublicMaterial().IsMatch(item.Text)
                && Overlap.SharesSpan(_message.Text, item.Text, _options.MinimumCopiedLength) is not null)
            {
                return Deny(RuleIds.ExfiltrationPrivateSource, $"would send content read from the non-public source '{item.SourceTool}' to '{_outside}', outside the organisation.", item.SourceTool);
            }
        }

        // 4b. Unmarked internal material: the figures and codes only the organisation's own mail and documents hold, not
        // the recipient's own, not what a regulator the organisation must notify is sent.
        if (UnmarkedInternalFacts.Find(_index, _content, refusal, IsUnmarkedInternal, FromOutside, own) is { } carried)
        {
            return Deny(RuleIds.ExfiltrationPrivateSource, $"would send {Describe(carried.Item)}'s facts, which no outside or published text holds, to '{_outside}', outside the organisation: {carried.Why} ({carried.Overlap}).", carried.Overlap.Example);
        }

        // 5. An answer to an outsider's request for confidential material.
        if (AnswersRequest(refusal, own) is { } answered)
        {
            return answered;
        }

        // 6. A confidence to an outsider ("off the record:", "between us", "you didn't hear it from me"): the writer says
        // what it gives is not to be attributed or published, whatever words or language it restates the material in.
        if (Confides(own) is { } confided)
        {
            return confided;
        }

        // 7. A refusal that turns to give ("I can't send the sheet, but roughly: ...", "but I can say we're slightly above
        // six cents"), to the outsider who asked: what the refusal kept back is announced and given in other words.
        if (refusal && TurnsToGive(_message.Own) is { } turn && _index.Requests.Find(r => _message.Recipients.Any(x => IsRequester(x, r))) is { } asked)
        {
            return Deny(RuleIds.ExfiltrationRequested, $"declines {asked.From.Raw}'s request, then turns to give it ('{turn}'), sending '{_outside}', outside the organisation, what it asked for.", turn);
        }

        return suspicion is null
            ? PolicyVerdict.Allowed
            : PolicyVerdict.Escalate(PolicyPrinciple.Harmless, RuleIds.ExfiltrationSuspected,
                $"'{_request.FunctionName}' to '{_outside}', outside the organisation, {suspicion}. A person (or the judge model) should decide whether it is a leak.", suspicion);
    }

    /// <summary>Whether the agent's own words decline, in any wording or language: the requested act negated (the
    /// refusal phrases, declining in general English, "no information will be given", the same in the organisation's
    /// other languages), or an apology together with a pointer to the proper channel. A confession that precedes a leak
    /// ("I shouldn't tell you this", "off the record") is not one. What a refusal carries is judged apart
    /// (<see cref="CarriesAnyway"/>): a "refusal" that still gives the figures is a leak.</summary>
    private static bool IsRefusal(string own)
        => (ContextLexicon.Refusal().IsMatch(own) || ContextLexicon.Declining().IsMatch(own) || ContextLexicon.DecliningOtherwise().IsMatch(own)
            || ContextLexicon.ForeignDeclining().IsMatch(own) || ContextLexicon.RegionalDeclining().IsMatch(own) || DecliningElsewhere.IsMatch(own) || (ContextLexicon.Apology().IsMatch(own) && ContextLexicon.Redirect().IsMatch(own))
            || DecliningByStatus().IsMatch(own))
           && !ContextLexicon.ConfidingPreamble().IsMatch(own) && !DecliningElsewhere.Confides(own);

    /// <summary>
    /// Declining by saying what the asked-for material is: confidential, not for outsiders, kept between the organisation
    /// and its client ("the scores are confidential until the award", "as pontuações são confidenciais", "other partners'
    /// terms are confidential", "pricing stays between us and the customer"), in the languages of an organisation's mail.
    /// A label ("CONFIDENTIAL:") marks what follows and is read apart (<see cref="LabelledText"/>); what a refusal still
    /// carries is judged by <see cref="CarriesAnyway"/>.
    /// </summary>
    [GeneratedRegex(@"(\b(is|are|remains?|stays?|were|será|serão|são|é|es|son|est|sont|reste(nt)?|è|sono|resta(no)?|ist|sind|bleib(t|en)|zijn|blijf(t|ven)|er|är|forblir|förblir|jest|są|je|su|ostaje|on|ovat|pysyy)\s+(strictly |kept |treated as |considered |strettamente |streng |estritamente |estrictamente |strictement |ściśle |strogo )?(confidential|private|privileged|not public|non-public|internal|confidenciais|confidencial(es)?|confidentiel(le)?s?|riservat[aeio]|vertraulich|vertrouwelijk|fortrolig[et]?|konfidentiell[at]?|luottamuksellisi?a?|poufn[aey]|povjerljiv[aeio]?|poverljiv[aeio]?|zaupn[aeio]?)\b|\b(stays?|remains?|kept) (strictly )?between (us|ourselves|the parties) and\b|\bhindi (ko|namin|natin|po)\b[^.!?\n]{0,30}\b(ma-?\w+|maipadala|maibigay|maibahagi|pwede|puwede|maaari)\b|\bbawal\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecliningByStatus();

    /// <summary>How many of the material's own words (<paramref name="words"/>) the message repeats that the material writes
    /// as names ("Halcyon", "Calder Regional"): a refusal names the kind of material it will not send ("customer names
    /// and account numbers", "the scores"); only names, figures and quoted runs give it away.</summary>
    private int Names(ConfidentialMaterial material, HashSet<string> words) => UnmarkedInternalFacts.RareNames(_content, material.Item, words);

    /// <summary>
    /// The words of <paramref name="material"/> a refusal would carry if it gave the material away: its own words
    /// without the ones that name it (its title, its id, its label line, the codes it goes by). A refusal has to say
    /// what it will not send; naming is not carrying.
    /// </summary>
    private static HashSet<string> CarriedWords(ConfidentialMaterial material)
    {
        var words = new HashSet<string>(material.Words, StringComparer.Ordinal);
        var item = material.Item;
        words.ExceptWith(TokenSet.Of(item.Subject).Words);
        if (item.Id is { Length: > 0 } id)
        {
            words.ExceptWith(TokenSet.Of(id).Words);
        }

        var firstLine = item.Body.AsSpan().TrimStart();
        var end = firstLine.IndexOf('\n');
        var heading = (end < 0 ? firstLine : firstLine[..end]).ToString();
        if (heading.Contains(material.Marker, StringComparison.OrdinalIgnoreCase) && heading.Length <= 120)
        {
            words.ExceptWith(TokenSet.Of(heading).Words);
        }

        words.RemoveWhere(w => char.IsLetter(w[0]) && w.AsSpan().IndexOfAnyInRange('0', '9') >= 0);
        return words;
    }

    /// <summary>
    /// The words of confidential material that belong to the recipient, when the recipient asked for their own ("copies of
    /// our Q3 invoices", "our own loss schedule"): an item whose title names the recipient's organisation, and the
    /// sentences of other items that name it ("Tier A (Atlantic Cellars): ..."). Sending a party its own facts is no
    /// leak; what the material says about others stays confidential. Null when no recipient asked for their own.
    /// </summary>
    private HashSet<string>? RecipientsOwn()
    {
        HashSet<string>? own = null;
        // Every mail the party wrote counts, whether or not it reads as a request ("our auditor needs copies of our Q3
        // invoices" asks without a request verb).
        foreach (var item in _index.Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email || item.From is not { } sender
                || Party.Parse(sender) is not { Domain: { } domain, IsPersonalAddress: false } || !_message.Recipients.Any(r => r.Domain == domain))
            {
                continue;
            }

            // Material titled with the party's own name is theirs whatever words they asked in; the sentences of other
            // material that name them are theirs when they asked for their own.
            var asksForOwn = ContextLexicon.OwnMaterial().IsMatch(item.Body);
            // A party asks for its own in request words, a question, or a plain "please confirm our price and volume".
            var asked = _index.Requests.Exists(r => ReferenceEquals(r.Item, item)) || ConversationIndex.Asking().IsMatch(item.Body);
            if (!asked && !asksForOwn)
            {
                continue;
            }


            // The party's name: its domain's whole name ("atlanticcellars"), or its first word when that is distinctive
            // ("kurosawa" of "kurosawa-trading": the material names the party, not its legal form).
            var registered = OrganisationAliases.RegisteredName(domain);
            var name = registered.Replace("-", string.Empty, StringComparison.Ordinal);
            var firstWord = registered.Split('-')[0];
            if (name.Length < 5)
            {
                continue;
            }

            // The short name the party signs its own mail with ("Purchasing, STBK" at stbk-stavby.cz) names it as well as its
            // whole name does, in a title that writes it as a word of its own.
            var signedName = firstWord.Length >= 3 && firstWord != name && NamesAsWord(item.Body, firstWord) ? firstWord : null;

            bool TitleNames(string title)
                => Compact(title).Contains(name, StringComparison.Ordinal) || (firstWord.Length >= 6 && firstWord != name && Compact(title).Contains(firstWord, StringComparison.Ordinal))
                   || (signedName is not null && NamesAsWord(title, signedName));

            // An unmarked record titled with the party's name ("STBK 2026 order statement") is as much theirs as a marked one.
            foreach (var record in _index.Items)
            {
                if (asked && record.Kind == ContextItemKind.Document && record.Origin != ContextOrigin.Assistant && !_index.Confidential.Exists(c => ReferenceEquals(c.Item, record))
                    && TitleNames(record.Subject.Length > 0 ? record.Subject : string.Join(' ', record.Body.Split('\n', 3).Take(2))))
                {
                    (own ??= new(StringComparer.Ordinal)).UnionWith(record.Tokens.Words);
                    own.UnionWith(LocaleFigures.Plain(record.Text));
                }
            }

            foreach (var material in _index.Confidential)
            {
                // A document's title is its subject, or its first lines under the marking when it has none.
                var title = material.Item.Subject.Length > 0 ? material.Item.Subject : string.Join(' ', material.Item.Body.Split('\n', 3).Take(2));
                if (asked && TitleNames(title))
                {
                    (own ??= new(StringComparer.Ordinal)).UnionWith(material.Item.Tokens.Words);
                    continue;
                }

                if (!asksForOwn)
                {
                    continue;
                }

                foreach (var sentence in ConversationIndex.Sentences(material.Item.Body))
                {
                    if (Compact(sentence).Contains(name, StringComparison.Ordinal))
                    {
                        (own ??= new(StringComparer.Ordinal)).UnionWith(TokenSet.Of(sentence).Words);
                    }
                }
            }
        }

        // A person's own record goes back to them at the address they wrote from ("please send my payment schedule", in
        // whatever words or language), at a free mail provider or at any other outside domain that hosts their own
        // mailbox: a record titled with their whole name as their address spells it ("Layla Harb - CR1-1204 payment
        // schedule" for layla.harb@). A relative or a former colleague writing about someone ("mother.of.bakyt@") names
        // nobody's record whole, and what other material says about the person (a report filed on them) stays inside.
        foreach (var item in _index.Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email || item.From is not { } sender
                || Party.Parse(sender) is not { Address: { } address, Domain: { } personDomain } person || !_message.Recipients.Any(r => r.Address == address)
                || (!person.IsPersonalAddress && (_index.IsInside(personDomain, _options.InternalDomains) || _index.IsLookAlike(personDomain))))
            {
                continue;
            }

            var names = Array.FindAll(person.NameWords, w => w.Length >= 3 && w.All(char.IsLetter));
            if (names.Length < 2)
            {
                continue;
            }

            // Records only: a document, marked or not. Mail about the person ("SAR on A. Hersi") is the organisation's.
            foreach (var record in _index.Items)
            {
                if (record.Kind != ContextItemKind.Document)
                {
                    continue;
                }

                var titleText = record.Subject.Length > 0 ? record.Subject : string.Join(' ', record.Body.Split('\n', 3).Take(2));
                var title = Compact(titleText);
                if (Array.TrueForAll(names, n => title.Contains(n, StringComparison.Ordinal)) || AskedForByName(item, record, titleText, names[^1]))
                {
                    (own ??= new(StringComparer.Ordinal)).UnionWith(record.Tokens.Words);
                    own.UnionWith(LocaleFigures.Plain(record.Text));
                    continue;
                }

                // A record that lists several people ("1. Katrin Weber (DE), passport ... 2. Rahul Mehta ..."): the entry
                // that names the person whole is theirs; the other entries are other people's and stay inside.
                foreach (var entry in Entries(record.Body))
                {
                    var compact = Compact(entry);
                    if (Array.TrueForAll(names, n => compact.Contains(n, StringComparison.Ordinal)))
                    {
                        (own ??= new(StringComparer.Ordinal)).UnionWith(TokenSet.Of(entry).Words);
                        own.UnionWith(LocaleFigures.Plain(entry));
                    }
                }
            }
        }

        // The records that list the recipient's mailbox as a party to their matter, and the entries of a person who
        // consented, that name the recipient's organisation (their insurer, their lender).
        if (ExfiltrationRecipientMatter.Words(_index, _message) is { } matter)
        {
            (own ??= new(StringComparer.Ordinal)).UnionWith(matter);
        }

        return own;
    }

    /// <summary>
    /// Whether the person's own mail (<paramref name="request"/>) asks for <paramref name="record"/> by its title words and the
    /// record names them by their surname: "a copy of our closing disclosure" for "Closing Disclosure - Ramirez, 418 Brisa Ln",
    /// "our final statement for Ocean Dr" for "Ocean Dr closing summary" whose buyer is "J. &amp; P. Castellano". They name the
    /// record, the record names them. A relative asking about someone's loan names no record; a record that gives another
    /// personal address for the person ("ortega.family@gmail.com on file") is not theirs to send elsewhere.
    /// </summary>
    private static bool AskedForByName(ContextItem request, ContextItem record, string titleText, string surname)
    {
        if (surname.Length < 4 || ReferenceEquals(request, record))
        {
            return false;
        }

        var named = 0;
        foreach (var word in TokenSet.Of(titleText).Words)
        {
            if (word.Length >= 2 && word != surname && word.All(char.IsLetter) && !TitleFiller().IsMatch(word) && request.Tokens.Words.Contains(word))
            {
                named++;
            }
        }

        var inTitle = Compact(titleText).Contains(surname, StringComparison.Ordinal);
        // Named in the body only, the record must name nobody else ("Buyer: J. & P. Castellano"): a roster that lists the
        // writer among others is theirs only in their own entry (see the entries below).
        if (!(inTitle ? named >= 1 : named >= 2 && Compact(record.Body).Contains(surname, StringComparison.Ordinal) && !NamesSomeoneElse(record.Body, surname))
            || NamesAnotherOfTheFamily(inTitle ? titleText : record.Body, surname, request.From is { } writer ? Party.Parse(writer).NameWords : []))
        {
            return false;
        }

        var sender = request.From is { } from ? Party.Parse(from).Address : null;
        return !PersonalAddressIn().Matches(record.Body).Any(m => !string.Equals(m.Value, sender, StringComparison.OrdinalIgnoreCase) && Party.Parse(m.Value).IsPersonalAddress);
    }

    /// <summary>Whether <paramref name="text"/> writes the surname after a first name that is not the writer's own, nor its
    /// initial ("Elevuppgifter Elsa Sundqvist" to Mikael Sundqvist): a record of another person of the same family.</summary>
    private static bool NamesAnotherOfTheFamily(string text, string surname, string[] writer)
    {
        for (var match = FirstNameBefore().Match(text); match.Success; match = match.NextMatch())
        {
            var first = match.Groups["first"].Value.ToLowerInvariant();
            if (string.Equals(match.Groups["last"].Value, surname, StringComparison.OrdinalIgnoreCase)
                && !Array.Exists(writer, w => w == first || (first.Length == 1 && w.StartsWith(first, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> names a person by first and last name whose last name is not <paramref name="surname"/>.</summary>
    private static bool NamesSomeoneElse(string text, string surname)
    {
        for (var match = FirstNameBefore().Match(text); match.Success; match = match.NextMatch())
        {
            var last = match.Groups["last"].Value;
            if (char.IsUpper(last[0]) && last.Skip(1).All(char.IsLower) && !string.Equals(last, surname, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capitalised word or initial written straight before another word ("Elsa Sundqvist", "P. Castellano"); the
    /// next word is only looked at, so "Record Elsa Sundqvist" finds both pairs.</summary>
    [GeneratedRegex(@"\b(?<first>\p{Lu}\p{Ll}*)\.?[ \u00a0](?=(?<last>\p{L}+))", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNameBefore();

    /// <summary>Words a title shares with any request: articles and prepositions.</summary>
    [GeneratedRegex(@"^(of|the|and|for|to|in|on|de|du|des|la|le|les|el|los|las|da|do|der|die|das|und|van|het)$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleFiller();

    /// <summary>Mail addresses written in a record's text.</summary>
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalAddressIn();

    /// <summary>Whether <paramref name="text"/> writes <paramref name="word"/> as a word of its own (not inside a longer one),
    /// in any case: "KGMU's" and "(KGMU)" write "kgmu"; "kgmuhospital" does not.</summary>
    private static bool NamesAsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entries of a record: its lines, the parts between semicolons, and the numbered items of a list run
    /// together on one line ("1. ... 2. ...").</summary>
    private static string[] Entries(string body) => EntryBreak().Split(body);

    /// <summary>Where one entry of a record ends: a line break, a semicolon, or the number of the next list item after
    /// the end of a sentence.</summary>
    [GeneratedRegex(@"\n|;|(?<=[.;]\s+)(?=\d{1,3}[.)]\s)", RegexOptions.CultureInvariant)]
    private static partial Regex EntryBreak();

    /// <summary>Letters and digits only, lower-cased: "Atlantic Cellars" as "atlanticcellars", to find a domain's name.</summary>
    internal static string Compact(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static HashSet<string> Without(HashSet<string> words, HashSet<string>? own)
    {
        if (own is null || !words.Overlaps(own))
        {
            return words;
        }

        var rest = new HashSet<string>(words, StringComparer.Ordinal);
        rest.ExceptWith(own);
        return rest;
    }

    /// <summary>How much of the material the message carries, its figures in any number format ("18 400", "0,412") included.</summary>
    private Overlap Measure(ConfidentialMaterial material, HashSet<string> words, bool asked = false)
    {
        var overlap = Overlap.Measure(_content, material.Item, words, _index.UnmarkedGrams, _index.UnmarkedWords, asked);
        var grouped = LocaleFigures.Restated(_content.Text, words, _content.Tokens);
        return grouped == 0 ? overlap : overlap with { Shared = overlap.Shared + grouped, Numeric = overlap.Numeric + grouped };
    }

    /// <summary>Whether a refusal carries the material all the same: any of its figures, quoted runs, or a good part of
    /// its words beyond its name.</summary>
    private bool CarriesAnyway(Overlap overlap, int names)
        => overlap.Numeric >= 1 || overlap.Grams >= 3 || (_plainRefusal ? (overlap.Shared >= 6 && names >= 1) || names >= 2 : overlap.Shared >= 6);

    /// <summary>
    /// A label on the outgoing text itself: a marker written as a label ("CONFIDENTIAL -", "Internal only:", a marker
    /// opening the subject or a line) marks what follows; a marker word in prose ("that's confidential, no comment")
    /// describes something and marks nothing. Footers never count.
    /// </summary>
    private string? LabelledText(bool refusal)
    {
        var text = WithoutClosing(ConversationIndex.WithoutFooters(_message.Text), _index.Agent);
        foreach (var marker in _options.ConfidentialMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                if (IsLabel(text, at, marker.Length) && !(refusal && !_message.Quoted.Contains(marker, StringComparison.OrdinalIgnoreCase)))
                {
                    return marker;
                }

                at = text.IndexOf(marker, at + marker.Length, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The same label in the language the message is written in ("GİZLİ:", "(Maxfiy)", "VERTRAULICH -"): a label there
        // marks what follows as much as an English one.
        foreach (var lexicon in (ReadOnlySpan<Regex>)[ContextLexicon.ForeignConfidentialMarker(), ContextLexicon.WorldConfidentialMarker(), ContextLexicon.RegionalConfidentialMarker()])
        {
            var folded = ScriptFolding.FoldTurkishI(text);
            for (var match = lexicon.Match(folded); match.Success; match = match.NextMatch())
            {
                if (IsWrittenAsLabel(folded, match.Index, match.Length) && !(refusal && !ScriptFolding.FoldTurkishI(_message.Quoted).Contains(match.Value, StringComparison.OrdinalIgnoreCase)))
                {
                    return match.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The text above its closing: a label marks what follows it, and below the sign-off ("Regards", "--") only the
    /// signature and the mail system's notice follow ("Confidential - Verity Aerospace Ltd", "PRIVATE AND CONFIDENTIAL").
    /// A closing in the first line is a greeting-less one-liner, not a signature block.
    /// </summary>
    private static string WithoutClosing(string text, Party? agent)
    {
        var closing = ContextLexicon.ClosingLine().Matches(text).Concat(ContextLexicon.ForeignClosingLine().Matches(text)).OrderBy(m => m.Index).ToList();
        for (var i = closing.Count - 1; i >= 0; i--)
        {
            // A sign-off is a short line ("Kind regards,", "Thanks, Ferry"); "Thanks for asking about..." opens a reply.
            var at = closing[i].Index;
            var end = text.IndexOf('\n', at);
            if (at > 0 && text.AsSpan(0, at).Trim().Length > 0 && (end < 0 ? text.Length : end) - at <= 40)
            {
                return text[..at];
            }
        }

        // No sign-off line, but the agent's own name on a short line of its own ("Skarv", "Skarv | Vinterhav Seafoods"):
        // the signature, in any language; below it only the signature block and the mail system's notice follow.
        if (agent?.FirstName is { Length: >= 2 } name)
        {
            var lines = text.Split('\n');
            for (int i = lines.Length - 1, at = text.Length; i > 0; i--)
            {
                at -= lines[i].Length + 1;
                var line = lines[i].Trim().TrimStart('-', '\u2013', '\u2014', ' ');
                if (line.Length <= 60 && line.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                    && (line.Length == name.Length || line[name.Length] is ',' or '|' or '-' or '/' or '(' or '\u2013' or '\u2014' || line.AsSpan(name.Length).StartsWith(" at ") || line.AsSpan(name.Length).StartsWith(" | ") || line.AsSpan(name.Length).StartsWith(" - ")) && text.AsSpan(0, at).Trim().Length > 0)
                {
                    return text[..at];
                }
            }
        }

        // No sign-off line ("Thanks,\nBrief" closes the line above): a last paragraph that speaks of the message itself
        // or its recipient, or a bare marker line, is the mail system's notice.
        var gap = text.TrimEnd().LastIndexOf("\n\n", StringComparison.Ordinal);
        if (gap > 0 && text.AsSpan(0, gap).Trim().Length > 0 && text.Length - gap <= 400
            && (ContextLexicon.NoticeParagraph().IsMatch(text.AsSpan(gap)) || text.AsSpan(gap).Trim().Count(' ') < 6))
        {
            return text[..gap];
        }

        return text;
    }

    /// <summary>Whether a marker of the other languages' lexicons at <paramref name="at"/> is written as a label: in capitals
    /// of any script, in brackets, or followed by a colon or a dash. At a line's start alone it may open a sentence ("Gizli
    /// bir şey yok", nothing is secret).</summary>
    private static bool IsWrittenAsLabel(string text, int at, int length)
    {
        var word = text.AsSpan(at, length);
        var upper = false;
        var lower = false;
        foreach (var c in word)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        var after = text.AsSpan(at + length).TrimStart(' ');
        var before = text.AsSpan(0, at).TrimEnd(' ');
        return (upper && !lower) || (after.Length > 0 && after[0] is ':' or '-' or '\u2013' or '\u2014' or ']' or ')')
               || (before.Length > 0 && before[^1] is '(' or '[');
    }

    /// <summary>Whether the marker at <paramref name="at"/> is written as a label: in capitals, at the start of a line,
    /// or followed by a colon or a dash.</summary>
    private static bool IsLabel(string text, int at, int length)
    {
        var word = text.AsSpan(at, length);
        if (word.ContainsAnyInRange('A', 'Z') && !word.ContainsAnyInRange('a', 'z'))
        {
            return true;
        }

        var lineStart = at == 0 || text.LastIndexOf('\n', at - 1) is var newline && text.AsSpan(newline + 1, at - newline - 1).Trim(" *[(>#-_".AsSpan()).IsEmpty;
        var after = text.AsSpan(at + length).TrimStart(' ');
        return lineStart || (after.Length > 0 && after[0] is ':' or '-' or '\u2013' or '\u2014' or ']' or ')');
    }

    /// <summary>
    /// A reply to an outsider who asked for confidential material: any of the material's own facts, or words that
    /// confirm or hint at it ("you're not wrong", "off the record", "without numbers"), answer the request. A refusal
    /// that gives nothing away does not.
    /// </summary>
    private PolicyVerdict? AnswersRequest(bool refusal, HashSet<string>? own)
    {
        foreach (var request in _index.Requests)
        {
            if (!_message.Recipients.Any(r => IsRequester(r, request)))
            {
                continue;
            }

            foreach (var material in _index.Confidential)
            {
                if (!Overlap.Relevant(request.Words, material.Item.Tokens.Words) || EntitledRecipient.NamedInMarking(_index, _message, material.Item, material.Marker))
                {
                    continue;
                }

                var words = Without(refusal ? CarriedWords(material) : material.Words, own);
                var overlap = Measure(material, words, asked: true);
                // "All I can tell you is the date of the call" gives what is public; only a wink beside it confirms. A wink
                // inside the refusal's own clause ("not able to share anything, on or off the record") declines with it.
                var ownText = ContextLexicon.OnlyWhatIsPublic().Replace(_message.Own, " ");
                var cue = ContextLexicon.DisclosureCue().Match(ownText);
                while (refusal && cue.Success && DeclinedWithIt(ownText, cue))
                {
                    cue = cue.NextMatch();
                }

                var aboutIt = Overlap.Relevant(_message.Tokens.Words, request.Words) || overlap.Shared > 0;

                // A refusal names the topic and the kind of material; only figures, quoted runs, names beside it or a wink
                // make it an answer. Other replies answer with two of its words, not counting a date it shares by chance
                // ("the meeting on 3 November"), or with one of its numbers beside another of its words ("14-15% from January").
                var answers = refusal
                    ? overlap.Numeric >= 1 || overlap.Grams >= 2 || (cue.Success && aboutIt)
                      || (_plainRefusal ? (overlap.Shared >= 4 && Names(material, words) >= 1) || Names(material, words) >= 2 : overlap.Shared >= 4)
                    : overlap.IsCopy || overlap.Distinctive >= 2 || (overlap.Shared >= 2 && overlap.Numbers >= 1) || overlap.Numeric >= 1 || (cue.Success && aboutIt);
                if (answers)
                {
                    var evidence = cue.Success ? cue.Value : overlap.Example;
                    return Deny(RuleIds.ExfiltrationRequested,
                        $"answers {request.From.Raw}'s request for {Describe(material.Item)}, marked '{material.Marker}', sending '{_outside}' what it holds ({(cue.Success ? $"'{cue.Value}'" : overlap.ToString())}).",
                        evidence);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A confidence outside any refusal of its own clause ("can't send the file, but between us: ..."), to the outsider
    /// who asked for something, or carrying words or figures of the organisation's confidential material. The words that
    /// ask not to be named are the writer's own knowledge that the content is kept inside; a paraphrase, a rounded figure
    /// or a translation they come with needs no overlap to be one. A confidence declined in its own clause ("not able to
    /// share anything, on or off the record") is part of the refusal.
    /// </summary>
    private PolicyVerdict? Confides(HashSet<string>? own)
    {
        var text = ContextLexicon.OnlyWhatIsPublic().Replace(_message.Own, " ");
        var cue = ContextLexicon.ConfidingCue().Match(text);
        while (cue.Success && DeclinedWithIt(text, cue))
        {
            cue = cue.NextMatch();
        }

        if (!cue.Success)
        {
            return null;
        }

        if (_index.Requests.Find(r => _message.Recipients.Any(x => IsRequester(x, r))) is { } request)
        {
            return Deny(RuleIds.ExfiltrationRequested, $"answers {request.From.Raw}'s request in confidence ('{cue.Value}'), sending '{_outside}', outside the organisation, what it asked for.", cue.Value);
        }

        foreach (var material in _index.Confidential)
        {
            if (EntitledRecipient.NamedInMarking(_index, _message, material.Item, material.Marker))
            {
                continue;
            }

            var overlap = Measure(material, Without(material.Words, own));
            if (overlap.Shared >= 2 || overlap.Numeric >= 1)
            {
                return Deny(RuleIds.ExfiltrationConfidential, $"would send content of {Describe(material.Item)}, marked '{material.Marker}', to '{_outside}', outside the organisation, in confidence ('{cue.Value}'; {overlap}).", cue.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// The turn after a refusal that announces what follows as given: a colon closing the turn's first words ("but:", "but
    /// roughly:", "but let me say this:", "mutta:", "tapi lebih kurang:"), or the writer saying it can say it ("but I can
    /// say", "pero les adelanto"). A turn to what is public ("but what's public:", "but the press release says") gives
    /// nothing kept back.
    /// </summary>
    private static string? TurnsToGive(string own)
    {
        foreach (var sentence in ConversationIndex.Sentences(own))
        {
            var start = 0;
            for (var turn = GivingTurn().Match(sentence); turn.Success; turn = turn.NextMatch())
            {
                var after = sentence[(turn.Index + turn.Length)..];
                if (turn.Index > start && IsRefusal(sentence[start..turn.Index]) && !NamesPublic().IsMatch(turn.Value) && !Pointer().IsMatch(turn.Value)
                    && !Pointer().IsMatch(after.Length > 40 ? after[..40] : after) && !ContextLexicon.PublicMaterial().IsMatch(sentence[turn.Index..]))
                {
                    return turn.Value;
                }

                start = turn.Index;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(but|though|however|pero|mais|mas|aber|maar|men|dar|mutta|tapi|tetapi|ale|але|но|ali|ama|fakat|nhưng|lakini|laakiin)\b(\s*,?\s*(:|[^.!?\n:]{1,45}:(?!\d))|\s+(I|we) can (say|tell you|point you)|\s+(roughly|in words|ballpark)|\s+(te|les|le) (adelanto|digo|puedo decir))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GivingTurn();

    [GeneratedRegex(@"\b(public\w*|published|official(ly)? (announced|released)|press release|website|site|annual report|p[uú]blic[oa]s?|publi[ée]e?s?|öffentlich\w*|julkis\w*|publiczn\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamesPublic();

    /// <summary>A pointer elsewhere rather than a gift: whom to ask or where to write ("but our sales team can quote you:
    /// sales@...").</summary>
    [GeneratedRegex(@"(\b(contact\w*|reach|write to|ask|speak (to|with)|talk (to|with)|get in touch|call|e-?mail|refer\w*|direct\w*|quote you|redirect\w*)\b|@[\w-]+\.|https?://|www\.)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pointer();

    /// <summary>Whether the clause holding the wink <paramref name="cue"/> (its sentence from the last turn before it:
    /// "but", "though", "however") is itself a refusal: the wink is what the refusal rules out ("but I can't share anything,
    /// on or off the record"), not a turn away from it ("I can't say officially, but off the record...").</summary>
    private static bool DeclinedWithIt(string own, Match cue)
    {
        // "I can say that", "you're not wrong" assert what they give; only a qualifier ("off the record", "ballpark",
        // "between us") can be what a refusal rules out.
        if (Asserting().IsMatch(cue.Value))
        {
            return false;
        }

        var at = cue.Index;
        var start = at;
        while (start > 0 && own[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        var end = own.IndexOfAny(['.', '!', '?', '\n'], at);
        var sentence = own[start..(end < 0 ? own.Length : end)];
        var turn = Turn().Matches(sentence[..(at - start)]) is { Count: > 0 } turns ? turns[^1].Index : 0;
        return IsRefusal(sentence[turn..]);
    }

    /// <summary>Whether a wink ("you're not wrong", "I can say that") stands outside the refusal's own clauses.</summary>
    private static bool Winks(string own)
    {
        for (var cue = ContextLexicon.DisclosureCue().Match(own); cue.Success; cue = cue.NextMatch())
        {
            if (!DeclinedWithIt(own, cue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a clause that declines is followed, in its sentence, by a turn to something else ("I can't share
    /// contracts, but CasinoKing is in the mid-forties"); a turn before the refusal ("Thanks, but I can't") is no turn away.</summary>
    private static bool TurnsAfterRefusal(string own)
    {
        foreach (var sentence in ConversationIndex.Sentences(own))
        {
            var turns = Turn().Matches(sentence);
            if (turns.Count == 0)
            {
                continue;
            }

            var start = 0;
            foreach (Match turn in turns)
            {
                if (turn.Index > start && IsRefusal(sentence[start..turn.Index]) && sentence.AsSpan(turn.Index + turn.Length).Trim().Length > 12)
                {
                    return true;
                }

                start = turn.Index;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(I|we|you)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asserting();

    [GeneratedRegex(@"\b(but|though|although|however|that said|except|while|aber|mais|pero|mas|ma|maar|men|jedoch|sin embargo|però|cependant)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Turn();

    /// <summary>The recipient is the outsider who asked: the same mailbox or domain, or the same person at another
    /// address (a name the request is signed with).</summary>
    private bool IsRequester(Party recipient, OutsideRequest request)
    {
        if (recipient.Address is not null && (recipient.Address == request.From.Address || (recipient.Domain is { } domain && !recipient.IsPersonalAddress && domain == request.From.Domain)))
        {
            return true;
        }

        foreach (var word in recipient.NameWords)
        {
            if (word.Length >= 3 && (request.From.NameWords.Contains(word) || Party.Parse(word).IsNamedIn(request.Item.Body)) && (_index.Agent is null || !_index.Agent.NameWords.Contains(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A recipient outside the organisation, not an allowed outside party, and not on <paramref name="author"/>'s side.</summary>
    private bool IsThirdParty(Party recipient, Party author)
        => recipient.Domain is { } domain && !EntrustedMaterial.SameSide(recipient, author) && !_index.IsInside(domain, _options.InternalDomains)
           && !ToolCallText.DomainMatches(domain, _options.AllowedExternalDomains) && !(_options.AllowAuthorities && (Authorities.IsAuthority(domain) || _index.IsPublicBody(domain)));

    /// <summary>Mail between colleagues: non-public by nature.</summary>
    private bool IsInternalMail(ContextItem item)
        => item.Kind == ContextItemKind.Email && item.From is { } from && Party.Parse(from).Domain is { } domain && _index.IsInside(domain, _options.InternalDomains)
           && item.To.Count > 0 && item.To.All(t => Party.Parse(t).Domain is { } to && _index.IsInside(to, _options.InternalDomains));

    /// <summary>The organisation's own unmarked material: mail between colleagues, or a document it holds.</summary>
    private bool IsUnmarkedInternal(ContextItem item)
        => item.Origin is ContextOrigin.Tool or ContextOrigin.User
           && (IsInternalMail(item) || (item.Kind == ContextItemKind.Document && item.From is null));

    /// <summary>Mail an outsider sent: not the organisation's material.</summary>
    private bool FromOutside(ContextItem item)
        => item.From is { } from && Party.Parse(from).Domain is { } domain && !_index.IsInside(domain, _options.InternalDomains)
           && !ToolCallText.DomainMatches(domain, _options.AllowedExternalDomains) && (_options.InternalDomains.Count > 0 || _index.OrganisationDomains.Count > 0);

    private bool IsPrivateSource(ContextItem item) => item.SourceTool is { } tool && IsPrivateTool(tool);

    private bool IsPrivateTool(string toolName)
    {
        if (_options.PrivateSourceTools.Contains(toolName))
        {
            return true;
        }

        return SideEffectResolver.FindTool(_request.Options?.Tools, toolName) is { } function
               && Array.IndexOf(SideEffectResolver.FromFunction(function), SideEffectCategories.ReadPrivate) >= 0;
    }

    private PolicyVerdict Deny(string ruleId, string what, string? evidence)
        => PolicyVerdict.Deny(PolicyPrinciple.Harmless, ruleId, $"'{_request.FunctionName}' {what}", evidence);

    private static string Describe(ContextItem item)
        => item.Kind switch
        {
            ContextItemKind.Email => item.Id is null ? $"the email '{item.Subject}'" : $"email {item.Id} ('{item.Subject}')",
            ContextItemKind.Document => $"document '{item.Id}'",
            _ => "text the agent read",
        };
}
