namespace RecLab.Experiments.Reports;

/// <summary>
/// One part of <c>report.html</c>. <see cref="HtmlReport"/> renders its sections in order into one page; a new kind
/// of result (e.g. the A/B simulator's per-day files under <c>ab/</c>) gets its charts into the report by adding a
/// section to the list given to <see cref="HtmlReportWriter"/> (or to <see cref="HtmlReport.DefaultSections"/>).
/// </summary>
/// <example>
/// <code>
/// var writer = new HtmlReportWriter(sections: [.. HtmlReport.DefaultSections, new MyAbSection()]);
/// </code>
/// </example>
public interface IReportSection
{
    /// <summary>
    /// The names from <c>report.charts</c> this section draws (e.g. <c>ab-daily</c>). A requested chart that no
    /// section claims is listed at the end of the report as not drawn.
    /// </summary>
    IReadOnlyList<string> Charts { get; }

    /// <summary>
    /// Appends the section to <see cref="ReportContext.Page"/>; a requested chart it cannot draw from the saved
    /// results is reported with <see cref="ReportContext.Skip"/>. Must be deterministic: the same results
    /// give the same page, so <c>reclab report</c> rewrites identical bytes.
    /// </summary>
    void Render(ReportContext context);
}
