using System;
using System.IO;
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
        var output = await SampleProcess.RunAsync("DeZero.Samples");
        Snapshot.VerifyFile(WithoutMachine(output), Path.Combine(Snapshot.Directory(), Verified));
    }

    public static System.Collections.Generic.IEnumerable<string> ExpectedSnapshotFiles() => [Verified];

    /// <summary>
    /// The one line that depends on the machine, whether Graphviz drew the picture (and where), becomes a fixed line;
    /// everything else is compared exactly.
    /// </summary>
    private static string WithoutMachine(string output) =>
        RenderLine().Replace(output, "<the picture: drawn, or the reason it was not>");

    [GeneratedRegex(@"^(wrote .*dezero-graph\.png|graph\.png not drawn: .*)$", RegexOptions.Multiline)]
    private static partial Regex RenderLine();
}
