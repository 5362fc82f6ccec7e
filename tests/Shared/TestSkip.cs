using System.Diagnostics.CodeAnalysis;

namespace RecLab.Tests.Support;

/// <summary>Skips the running test with a reason that <c>dotnet test</c> shows at its default verbosity.</summary>
/// <remarks>
/// The VSTest console logger prints a skip's reason only from verbosity normal up, where it lists every passing test too;
/// xUnit's diagnostic messages (switched on in tests/*.runsettings) it prints at the default verbosity, so the reason goes
/// out as one of those as well. Linked into every test project (Directory.Build.props).
/// </remarks>
internal static class TestSkip
{
    [DoesNotReturn]
    public static void Because(string reason)
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "a test";
        TestContext.Current.SendDiagnosticMessage($"skipped {test}: {reason}");
        Assert.Skip(reason);
    }
}
