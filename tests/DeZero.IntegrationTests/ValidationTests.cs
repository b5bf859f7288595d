using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>The generated members throw what the method throws, on the same inputs; elsewhere they differentiate it.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void XLogX_PositiveArguments_MatchesClosedForm() =>
        Gradients.Check1(Validation.XLogX, Validation.XLogXWithGradient, Validation.XLogX,
            x => Math.Log(x) + 1,
            [0.1, 1, 2.5, 40]);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)] // NaN <= 0 is false: no throw, as in the method
    public void XLogX_NotPositive_EveryPathThrowsTheSameException(double x)
    {
        if (double.IsNaN(x))
        {
            Assert.True(double.IsNaN(Validation.XLogXWithGradient(x).Value));
            return;
        }

        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => Validation.XLogX(x));
        var generated = Assert.Throws<ArgumentOutOfRangeException>(() => Validation.XLogXWithGradient(x));
        var graph = Assert.Throws<ArgumentOutOfRangeException>(() => Validation.XLogX(new Variable(x)));
        foreach (var thrown in new[] { generated, graph })
        {
            Assert.Equal(expected.Message, thrown.Message);
            Assert.Equal("x", thrown.ParamName);
            Assert.Equal(x, thrown.ActualValue);
        }
    }

    [Fact]
    public void LogOrThrow_PositiveArguments_MatchesClosedForm() =>
        Gradients.Check1(Validation.LogOrThrow, Validation.LogOrThrowWithGradient, Validation.LogOrThrow,
            x => 1 / x,
            [0.1, 1, 2.5]);

    [Theory]
    [InlineData(-1.25)]
    [InlineData(0.0)]
    public void LogOrThrow_NotPositive_ThrowsWithTheSameInterpolatedMessage(double x)
    {
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => Validation.LogOrThrow(x));
        Assert.Equal(expected.Message, Assert.Throws<ArgumentOutOfRangeException>(() => Validation.LogOrThrowWithGradient(x)).Message);
        Assert.Equal(expected.Message, Assert.Throws<ArgumentOutOfRangeException>(() => Validation.LogOrThrow(new Variable(x))).Message);
        Assert.Contains("is not positive", expected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqrtOrThrow_NonNegative_MatchesClosedForm() =>
        // √x·(n + 1) with n = 2: 3 / (2√x).
        Gradients.Check1(x => Validation.SqrtOrThrow(x, 2), x => Validation.SqrtOrThrowWithGradient(x, 2), x => Validation.SqrtOrThrow(x, 2),
            x => 3 / (2 * Math.Sqrt(x)),
            [0.25, 1, 9]);

    [Fact]
    public void SqrtOrThrow_Negative_ThrowsWithTheSameConcatenatedMessage()
    {
        var expected = Assert.Throws<ArgumentException>(() => Validation.SqrtOrThrow(-0.5, 7));
        var generated = Assert.Throws<ArgumentException>(() => Validation.SqrtOrThrowWithGradient(-0.5, 7));
        Assert.Equal(expected.Message, generated.Message);
        Assert.Equal("x", generated.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    public void Geometric_WithinTheLimit_MatchesClosedForm(int n) =>
        // Σ xⁱ for i ≤ n: Σ i xⁱ⁻¹.
        Gradients.Check1(x => Validation.Geometric(x, n), x => Validation.GeometricWithGradient(x, n), x => Validation.Geometric(x, n),
            x =>
            {
                double d = 0;
                for (var i = 1; i <= n; i++)
                {
                    d += i * Math.Pow(x, i - 1);
                }

                return d;
            },
            [-0.5, 0.3, 0.9]);

    [Fact]
    public void Geometric_PastTheLimit_ThrowsInsideTheLoop()
    {
        var expected = Assert.Throws<InvalidOperationException>(() => Validation.Geometric(0.5, 60));
        Assert.Equal(expected.Message, Assert.Throws<InvalidOperationException>(() => Validation.GeometricWithGradient(0.5, 60)).Message);
    }

    [Fact]
    public void NotYet_AnyArgument_EveryPathThrows()
    {
        Assert.Throws<NotImplementedException>(() => Validation.NotYetWithGradient(1));
        Assert.Throws<NotImplementedException>(() => Validation.NotYet(new Variable(1.0)));
    }
}
