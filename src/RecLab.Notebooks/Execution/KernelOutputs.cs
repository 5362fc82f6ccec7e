using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using RecLab.Notebooks.Documents;

namespace RecLab.Notebooks.Execution;

/// <summary>
/// A submission's kernel events as the cell's nbformat outputs, mapped the way .NET Interactive's Jupyter kernel
/// maps them to messages (its ExecuteRequestHandler): displayed values as <c>display_data</c> (updates replace the
/// value they update), the return value as <c>execute_result</c>, console output and compiler diagnostics as
/// <c>stream</c>s, and a failure as <c>error</c>. So a notebook's outputs are the same whichever client ran it.
/// </summary>
internal static class KernelOutputs
{
    public static IReadOnlyList<CellOutput> Of(IReadOnlyList<KernelEvent> events, int executionCount)
    {
        var outputs = new List<CellOutput>();
        var displays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e)
            {
                case ReturnValueProduced { Value: DisplayedValue }:
                    break;
                case DisplayedValueUpdated update when update.ValueId is not null && displays.TryGetValue(update.ValueId, out var at):
                    outputs[at] = Display(update, null);
                    break;
                case DisplayedValueProduced display:
                    if (display.ValueId is not null)
                        displays[display.ValueId] = outputs.Count;
                    outputs.Add(Display(display, null));
                    break;
                case ReturnValueProduced value:
                    outputs.Add(Display(value, executionCount));
                    break;
                case StandardOutputValueProduced stdout:
                    Write(outputs, StreamOutput.Stdout, Text(stdout));
                    break;
                case StandardErrorValueProduced or ErrorProduced:
                    Write(outputs, StreamOutput.Stderr, Text((DisplayEvent)e));
                    break;
                case DiagnosticsProduced { FormattedDiagnostics.Count: > 0 } diagnostics:
                    var nl = Environment.NewLine;
                    Write(outputs, StreamOutput.Stderr,
                        nl + string.Join(nl + nl, diagnostics.FormattedDiagnostics.Select(d => d.Value)) + nl + nl);
                    break;
                case CommandFailed failed:
                    outputs.Add(Error(failed));
                    break;
            }
        }

        return outputs;
    }

    /// <summary>The failure's error output, as the Jupyter kernel sends it.</summary>
    public static ErrorOutput Error(CommandFailed failed)
    {
        var traceback = new List<string>();
        var value = failed.Message;
        if (failed.Exception is CodeSubmissionCompilationErrorException)
        {
            value = "compilation error";
        }
        else if (failed.Exception is { } exception)
        {
            traceback.Add(exception.ToString());
            traceback.AddRange((exception.StackTrace ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        }
        else
        {
            traceback.Add(failed.Message);
        }

        return new ErrorOutput { Name = "Error", Value = value, Traceback = traceback };
    }

    private static DisplayOutput Display(DisplayEvent display, int? executionCount) => new()
    {
        Data = display.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value, StringComparer.Ordinal),
        ExecutionCount = executionCount,
        Value = display.Value,
    };

    private static string Text(DisplayEvent display) =>
        display.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? display.Value?.ToString() ?? "";

    /// <summary>Appends stream text, extending the previous output when it is the same stream (as Jupyter clients save it).</summary>
    private static void Write(List<CellOutput> outputs, string stream, string text)
    {
        if (text.Length == 0)
            return;
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
            outputs[^1] = last with { Text = last.Text + text };
        else
            outputs.Add(new StreamOutput { Name = stream, Text = text });
    }
}
