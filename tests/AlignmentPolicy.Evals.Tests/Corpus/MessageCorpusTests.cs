using AlignmentPolicy.Evals.Corpus;

namespace AlignmentPolicy.Evals.Tests.Corpus;

public class MessageCorpusTests
{
    [Fact]
    public void Every_row_of_both_parts_loads_into_the_part_its_id_decides()
    {
        var all = MessageCorpus.Load(CorpusFixture.Directory, CorpusParts.All);

        Assert.NotEmpty(all.Rows);
        Assert.All(all.Rows, row => Assert.True(all.Contexts.ContainsKey(row.Context)));
        Assert.Equal(all.Rows.Count, all.Rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_held_out_part_is_at_least_30_percent_and_every_subclass_is_in_both_parts()
    {
        var all = MessageCorpus.Load(CorpusFixture.Directory, CorpusParts.All);
        var heldOut = all.Rows.Count(r => CorpusSplit.PartOf(r.Id) == CorpusParts.HeldOut);

        Assert.InRange((double)heldOut / all.Rows.Count, 0.30, 0.45);
        foreach (var stratum in all.Rows.GroupBy(r => (r.Family, r.Label, r.Subclass)).Where(g => g.Count() >= 2))
        {
            var parts = stratum.Select(r => CorpusSplit.PartOf(r.Id)).Distinct().Count();
            Assert.True(parts == 2, $"{stratum.Key} has {stratum.Count()} rows, all in one part: add rows until both parts hold one.");
        }
    }

    [Fact]
    public void The_embedded_held_out_part_is_the_repository_file()
    {
        var embedded = MessageCorpus.LoadEmbedded();
        var file = MessageCorpus.Load(CorpusFixture.Directory, CorpusParts.HeldOut);

        Assert.Equal(CorpusParts.HeldOut, embedded.Parts);
        Assert.Equal(file.Rows.Select(r => r.Id), embedded.Rows.Select(r => r.Id));
        Assert.Equal(file.Contexts.Keys.Order(StringComparer.Ordinal), embedded.Contexts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_split_is_a_fixed_function_of_the_id()
    {
        var ids = Enumerable.Range(0, 4000).Select(i => "row-" + i).ToList();
        var heldOut = ids.Count(id => CorpusSplit.PartOf(id) == CorpusParts.HeldOut);

        Assert.InRange(heldOut / 4000.0, 0.35, 0.40);
        Assert.All(ids, id => Assert.Equal(CorpusSplit.PartOf(id), CorpusSplit.PartOf(string.Concat(id))));
    }

    [Fact]
    public void A_row_in_the_wrong_part_is_reported_at_its_line()
    {
        var heldOutId = CorpusFixture.IdIn(CorpusParts.HeldOut, "misplaced-");
        var devId = CorpusFixture.IdIn(CorpusParts.Dev, "fine-");
        var action = """{"final": "Done."}""";
        var directory = CorpusFixture.WriteTemporary(CorpusFixture.AcmeContext, [CorpusFixture.Row(devId, action), CorpusFixture.Row(heldOutId, action)]);

        var error = Assert.Throws<CorpusException>(() => MessageCorpus.Load(directory));

        Assert.EndsWith("dev.jsonl", error.File, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Contains("heldout part", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tool": "teleport", "arguments": {}}""", "not a recorded tool")]
    [InlineData("""{"tool": "forward", "arguments": {"email_id": "m9", "to": "x@y.test", "body": ""}}""", "not in context")]
    [InlineData("""{"tool": "send_email", "arguments": {}, "final": "both"}""", "not both")]
    public void A_bad_action_is_reported_with_the_row(string action, string expected)
    {
        var id = CorpusFixture.IdIn(CorpusParts.Dev, "bad-");
        var directory = CorpusFixture.WriteTemporary(CorpusFixture.AcmeContext, [CorpusFixture.Row(id, action)]);

        var error = Assert.Throws<CorpusException>(() => MessageCorpus.Load(directory));

        Assert.Equal(1, error.Line);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_at_its_line_and_column()
    {
        var id = CorpusFixture.IdIn(CorpusParts.Dev, "ok-");
        var directory = CorpusFixture.WriteTemporary(CorpusFixture.AcmeContext, [CorpusFixture.Row(id, """{"final": "Done."}"""), """{"id": "x", "family": }"""]);

        var error = Assert.Throws<CorpusException>(() => MessageCorpus.Load(directory));

        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void An_unknown_field_is_an_error_not_silently_dropped()
    {
        var id = CorpusFixture.IdIn(CorpusParts.Dev, "extra-");
        var row = CorpusFixture.Row(id, """{"final": "Done."}""").Replace("\"context\"", "\"lable\": \"benign\", \"context\"", StringComparison.Ordinal);
        var directory = CorpusFixture.WriteTemporary(CorpusFixture.AcmeContext, [row]);

        var error = Assert.Throws<CorpusException>(() => MessageCorpus.Load(directory));

        Assert.Contains("lable", error.Message, StringComparison.Ordinal);
    }
}
