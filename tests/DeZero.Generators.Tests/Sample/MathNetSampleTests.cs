using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace DeZero.Generators.Tests.Sample;

/// <summary>
/// <c>samples/DeZero.Samples.MathNet</c>: Math.NET Numerics' BFGS, handed the generated <c>RosenbrockWithGradient</c>,
/// finds the minimum of Rosenbrock's function in 100 dimensions.
/// </summary>
public sealed class MathNetSampleTests
{
    [Fact]
    public async System.Threading.Tasks.Task MathNetSample_Run_FindsRosenbrocksMinimum()
    {
        var output = await SampleProcess.RunAsync("DeZero.Samples.MathNet");

        // The start is far from the minimum, (-1.2, 1) repeated: 50 terms of 2.2² + 100 · 0.44² = 24.2 and 49 of
        // 100 · 2.2² = 484, 24,926 in all; the generated gradient agrees with Math.NET's central differences there.
        Assert.Contains("f at the start: 2.493e+4\n", output);
        Assert.InRange(Number(output, "largest difference"), 0, 1e-7);

        // BFGS stopped on its gradient test, not on running out of iterations, at (1, ..., 1) where f is 0.
        Assert.Matches(@"BFGS \(Math\.NET Numerics 5\): AbsoluteGradient after \d+ iterations, \d+ gradients", output);
        Assert.InRange(Number(output, "f at the minimum:"), 0, 1e-12);
        Assert.InRange(Number(output, "largest element of the gradient there:"), 0, 1e-5);
        Assert.InRange(Number(output, @"largest \|x\[i\] - 1\|:"), 0, 1e-6);
    }

    private static double Number(string output, string label)
    {
        var match = Regex.Match(output, label + @" (\S+)");
        Assert.True(match.Success, $"no line with '{label}' in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
