using System;
using Xunit;

namespace DeZero.GradBench.Tests;

/// <summary>GradBench's comparison rule (after ADBench's): <c>|x - y| / max(1, |x| + |y|)</c>, here at a tolerance of our choosing.</summary>
internal static class Tolerance
{
    public static double Difference(double x, double y) => Math.Abs(x - y) / Math.Max(1, Math.Abs(x) + Math.Abs(y));

    public static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        double difference = Difference(expected, actual);
        Assert.True(difference <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (difference {difference:E2} > {tolerance:E0})");
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], actual[i], tolerance, $"{what}[{i}]");
        }
    }

    /// <summary>Each element within <paramref name="relative"/> of its own size: for values far below 1, where GradBench's rule passes anything.</summary>
    public static void AssertRelative(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(expected[i] != 0, $"{what}[{i}] is exactly 0: a relative check needs sizes where it is not");
            Assert.True(error <= relative * Math.Abs(expected[i]),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (relative error {error / Math.Abs(expected[i]):E2} > {relative:E0})");
        }
    }
}
