using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;

namespace DeZero.Generators.Tests.Sample;

/// <summary>The README's first command: the sample runs and prints, line for line, the verified walk through the seed.</summary>
public sealed partial class SampleTests : ISnapshotOwner
{
    private const string Verified = "SampleTests.Sample_Run_PrintsTheVerifiedOutput.verified.txt";

    [Fact]
    public async System.Threading.Tasks.Task Sample_Run_PrintsTheVerifiedOutput()
    {
        // The sample is built beside the tests (a project reference); run it as its own process, as a user does.
        var sample = Path.Combine(AppContext.BaseDirectory, "DeZero.Samples.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", sample])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"The sample exited with {process.ExitCode}:\n{await error}");
        Assert.Equal(string.Empty, await error);
        Snapshot.VerifyFile(WithoutMachine(await output), Path.Combine(Snapshot.Directory(), Verified));
    }

    public static System.Collections.Generic.IEnumerable<string> ExpectedSnapshotFiles() => [Verified];

    /// <summary>
    /// The one line that depends on the machine, whether Graphviz drew the picture (and where), becomes a fixed line;
    /// everything else is compared exactly.
    /// </summary>
    private static string WithoutMachine(string output) =>
        RenderLine().Replace(output.Replace("\r\n", "\n", StringComparison.Ordinal), "<the picture: drawn, or the reason it was not>");

    [GeneratedRegex(@"^(wrote .*dezero-graph\.png|graph\.png not drawn: .*)$", RegexOptions.Multiline)]
    private static partial Regex RenderLine();
}
