namespace AlignmentPolicy.Cli.Reporting;

/// <summary>The report page's stylesheet, inlined so the page needs nothing else (it is mailed, archived and opened offline).</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#f6f8fa;--card:#fff;--green:#1a7f37;--green-bg:#dafbe1;--amber:#9a6700;--amber-bg:#fff8c5;--red:#cf222e;--red-bg:#ffebe9;--grey:#6e7781;--grey-bg:#eaeef2;--accent:#0969da}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
        .wrap{max-width:1180px;margin:0 auto;padding:0 24px}
        .masthead{background:#24292f;color:#fff;padding:22px 0 20px;margin-bottom:24px}
        .masthead h1{margin:2px 0 4px;font-size:26px;font-weight:600}
        .eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#9aa4ae}
        .meta{margin:0;color:#c9d1d9}
        h2{font-size:18px;margin:28px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
        h3{font-size:17px;margin:0}
        h4{font-size:14px;margin:18px 0 8px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        a{color:var(--accent);text-decoration:none}
        a:hover{text-decoration:underline}
        code,.mono,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
        pre{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:6px 10px;margin:6px 0 0;white-space:pre-wrap;word-break:break-all}
        .headline{font-size:16px;margin:0 0 14px}
        .cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:14px;margin-bottom:18px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
        .card-title{margin:0;color:var(--muted);font-weight:600}
        .figure{margin:4px 0 8px;font-size:30px;font-weight:600;line-height:1.1}
        .of{font-size:16px;color:var(--muted);font-weight:400;margin-left:4px}
        .bar{height:6px;background:var(--grey-bg);border-radius:3px;overflow:hidden}
        .bar span{display:block;height:100%;background:var(--green)}
        .note{margin:8px 0 0;color:var(--muted);font-size:12.5px}
        table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden;margin:0 0 8px}
        caption{text-align:left;color:var(--muted);padding:0 0 6px;font-weight:600}
        th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--line)}
        thead th{background:#f6f8fa;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
        tbody tr:last-child th,tbody tr:last-child td{border-bottom:0}
        td.num,th.num{text-align:right;white-space:nowrap}
        .overview th[scope=row] a{font-weight:600}
        .path{display:block;color:var(--muted);font-weight:400;font-size:12px}
        .next{max-width:420px;overflow-wrap:anywhere}
        td{overflow-wrap:break-word}
        a.file{white-space:nowrap}
        .muted{color:var(--muted)}
        .yes{color:var(--green);font-weight:700}
        .no{color:var(--red);font-weight:700}
        .light{display:inline-flex;align-items:center;gap:6px;font-weight:600;white-space:nowrap;border-radius:999px;padding:2px 10px 2px 8px;font-size:12.5px}
        .light .dot{width:10px;height:10px;border-radius:50%;background:currentColor}
        .light.green{color:var(--green);background:var(--green-bg)}
        .light.amber{color:var(--amber);background:var(--amber-bg)}
        .light.red{color:var(--red);background:var(--red-bg)}
        .light.grey{color:var(--grey);background:var(--grey-bg)}
        .pill{display:inline-block;border-radius:999px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent}
        .pill.green{color:var(--green);background:var(--green-bg)}
        .pill.amber{color:var(--amber);background:var(--amber-bg)}
        .pill.red{color:var(--red);background:var(--red-bg)}
        .pill.grey{color:var(--grey);background:var(--grey-bg)}
        .project{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--grey);border-radius:8px;padding:16px 20px;margin:0 0 18px}
        .project.green{border-left-color:var(--green)}
        .project.amber{border-left-color:#d4a72c}
        .project.red{border-left-color:var(--red)}
        .project>header{display:flex;align-items:center;justify-content:space-between;gap:12px}
        .project table{border-radius:6px}
        .facts{display:grid;grid-template-columns:130px 1fr;gap:4px 12px;margin:12px 0 0}
        .facts dt{color:var(--muted)}
        .facts dd{margin:0}
        .steps{margin:0;padding-left:22px}
        .steps li{margin:0 0 10px}
        .plain{list-style:none;padding:0;margin:0}
        .plain li{margin:0 0 8px}
        .diagnostics{margin:6px 0 0;padding-left:18px}
        .diagnostics li{margin:0 0 4px}
        .warning{background:var(--amber-bg);border:1px solid #d4a72c;border-radius:6px;padding:8px 12px}
        .empty{color:var(--muted)}
        a.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;font-weight:600}
        .legend{margin:32px 0 40px;color:var(--muted)}
        .legend h2{font-size:15px;color:var(--ink)}
        @media (max-width:800px){.cards{grid-template-columns:repeat(2,minmax(0,1fr))}.facts{grid-template-columns:1fr}}
        @media print{body{background:#fff}.masthead{background:#fff;color:#000;border-bottom:2px solid #000}.masthead .meta,.eyebrow{color:#333}.project{break-inside:avoid}}
        """;
}
