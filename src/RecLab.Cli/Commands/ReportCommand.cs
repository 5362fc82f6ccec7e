using System.CommandLine;
using RecLab.Experiments.Reports;

namespace RecLab.Cli.Commands;

/// <summary><c>reclab report DIR</c>: rewrite the reports of a results folder from its saved cells.</summary>
internal static class ReportCommand
{
    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string>("folder") { Description = "An experiment's results folder (holding experiment.yaml and cells/)." };
        var command = new Command("report", "Rewrite a results folder's reports from its saved cells.")
        {
            folder,
        };
        command.WithDetails("Writes results.csv, comparisons.csv, summary.md, timings.md and report.html again: after cells were copied in by hand, or with a newer RecLab.");
        command.SetAction(parse => Guard.Run(terminal, () =>
        {
            var results = ReportWriters.Rewrite(parse.GetValue(folder)!);
            foreach (var writer in ReportWriters.Default)
                terminal.Out.WriteLine(Path.Combine(results.Folder, writer.FileName));
            if (results.Missing.Count > 0)
                terminal.Warn($"{results.Missing.Count} of {results.Plan.Cells.Count} cells have no result yet.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
