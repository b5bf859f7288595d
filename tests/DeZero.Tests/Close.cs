using System;
using Xunit;

namespace DeZero.Tests;

/// <summary>Closed forms against computed derivatives: 1e-11 relative (absolute near zero), NaN and infinities exactly.</summary>
internal static class Close
{
    public static void Relative(double expected, double actual, double tolerance = 1e-11)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.Equal(expected, actual);
            return;
        }

        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= tolerance * scale,
            $"Expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R}, tolerance {tolerance * scale:R}).");
    }
}
