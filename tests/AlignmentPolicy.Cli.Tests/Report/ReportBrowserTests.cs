using System.Text.RegularExpressions;

namespace AlignmentPolicy.Cli.Tests.Report;

/// <summary>
/// The report page in a real browser: Chromium renders it (the summary a manager reads is in the DOM it built), every link
/// resolves (anchors to elements that exist, relative links to files that exist: sources, results, docs pages), and a
/// screenshot is kept as a test artefact beside the page (artifacts/test-results/report/).
/// </summary>
[Collection(ReportCollection.Name)]
public sealed partial class ReportBrowserTests(ReportRepository repository)
{
    [ChromiumFact]
    public async Task Chromium_renders_the_summary_and_every_link_resolves()
    {
        var (exitCode, dom, error) = await HeadlessChromium.RunAsync(repository.HtmlPath, "--dump-dom");
        Assert.True(exitCode == 0, error);

        // What the browser built, not the file we wrote: the headline, four agent cards and the overview rows.
        Assert.Contains("Of 4 agent projects, 1 need action now, 2 are incomplete, 1 is ready.", dom);
        Assert.Equal(4, Regex.Count(dom, @"<article class=""project "));
        Assert.Matches(@"<p class=""card-title"">Evaluated</p><p class=""figure"">1<span class=""of"">/ 4</span>", dom);

        var ids = Id().Matches(dom).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var hrefs = Href().Matches(dom).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var folder = Path.GetDirectoryName(repository.HtmlPath)!;
        var anchors = hrefs.Where(h => h.StartsWith('#')).ToList();
        var files = hrefs.Where(h => !h.StartsWith('#')).ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, anchor => Assert.Contains(anchor[1..], ids));
        Assert.Contains(files, f => f.EndsWith("docs/rules/ALN0001.md", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("docs/build/ALN0202.md", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("src/UngatedAgent/MailAgent.cs#L" + LineOf(ReportRepository.UngatedAgentSource, ".GetResponseAsync("), StringComparison.Ordinal));
        Assert.All(files, href =>
        {
            Assert.DoesNotMatch("^[a-z]+:", href); // no external resource or page
            var path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(href.Split('#')[0])));
            Assert.True(File.Exists(path), $"The link '{href}' leads to '{path}', which does not exist.");
        });
    }

    [ChromiumFact]
    public async Task A_screenshot_of_the_page_is_kept_as_a_test_artefact()
    {
        var screenshot = Path.Combine(Path.GetDirectoryName(repository.HtmlPath)!, "report.png");
        File.Delete(screenshot);
        var (exitCode, _, error) = await HeadlessChromium.RunAsync(repository.HtmlPath, "--window-size=1280,2200", $"--screenshot={screenshot}");
        Assert.True(exitCode == 0, error);
        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 20_000, $"The screenshot has {png.Length} bytes: an empty page?");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1280, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]); // IHDR width
    }

    private static int LineOf(string source, string text)
        => source.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex Id();

    [GeneratedRegex(@"\bhref=""([^""]+)""")]
    private static partial Regex Href();
}
