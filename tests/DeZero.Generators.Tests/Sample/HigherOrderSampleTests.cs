using System.IO;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;

namespace DeZero.Generators.Tests.Sample;

/// <summary>The README's second sample: the book's stage 3 (steps 27-36) runs and prints, line for line, the verified output.</summary>
public sealed class HigherOrderSampleTests : ISnapshotOwner
{
    private const string Verified = "HigherOrderSampleTests.HigherOrderSample_Run_PrintsTheVerifiedOutput.verified.txt";

    [Fact]
    public async System.Threading.Tasks.Task HigherOrderSample_Run_PrintsTheVerifiedOutput()
    {
        // Nothing in it depends on the machine: it draws no picture, it prints the DOT text.
        var output = await SampleProcess.RunAsync("DeZero.Samples.HigherOrder");
        Snapshot.VerifyFile(output, Path.Combine(Snapshot.Directory(), Verified));
    }

    public static System.Collections.Generic.IEnumerable<string> ExpectedSnapshotFiles() => [Verified];
}
