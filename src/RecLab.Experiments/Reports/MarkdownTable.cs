using System.Text;

namespace RecLab.Experiments.Reports;

/// <summary>Pipe tables for the Markdown reports: the first column left-aligned, the others right-aligned.</summary>
internal static class MarkdownTable
{
    public static void Write(StringBuilder md, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").Append(string.Join(" | ", header.Select(Escape))).Append(" |\n");
        md.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", header.Count - 1))).Append("|\n");
        foreach (var row in rows)
            md.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
        md.Append('\n');
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}
