using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Deconstruction reads every value before it assigns any target, as C# does.</summary>
public sealed class TupleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Fibonacci_Swaps_MatchesClosedForm(int n)
    {
        // a_n = F(n-1) + F(n)·x with a_0 = 1, a_1 = x (F the Fibonacci numbers, F(-1) = 1): d/dx = F(n).
        var fibonacci = new[] { 0, 1, 1, 2, 3, 5 };
        Gradients.Check1(x => Tuples.Fibonacci(x, n), x => Tuples.FibonacciWithGradient(x, n), x => Tuples.Fibonacci(x, n),
            _ => fibonacci[n],
            [-1.5, 0.5, 2]);
    }

    [Fact]
    public void Rotate_DeclarationsDiscardsAndSwaps_MatchesClosedForm() =>
        // u = c x - s y; then x' = y, y' = x; then y'' = u, u' = 2x. Value: 2x + y·(c x - s y).
        Gradients.Check3(Tuples.Rotate, Tuples.RotateWithGradient, Tuples.Rotate,
            (x, y, a) => (2 + y * Math.Cos(a), Math.Cos(a) * x - 2 * Math.Sin(a) * y, y * (-Math.Sin(a) * x - Math.Cos(a) * y)),
            [(1, 2, 0.3), (-0.5, 1.5, 2), (2, -1, -1)]);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Effects_ValuesReadInOrder_MatchesClosedForm(int n) =>
        // a' = 2n (n then n + 1), b' = x (n + 1): value 2n + x (n + 1), d/dx = n + 1.
        Gradients.Check1(x => Tuples.Effects(x, n), x => Tuples.EffectsWithGradient(x, n), x => Tuples.Effects(x, n),
            _ => n + 1,
            [-1, 0.5, 4]);
}
