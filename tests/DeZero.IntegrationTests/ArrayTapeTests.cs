using System;
using System.Linq;
using DeZero.IntegrationTests.Functions;
using Xunit;
using static DeZero.IntegrationTests.ArrayGradients;

namespace DeZero.IntegrationTests;

/// <summary>Reverse mode's tape economies (loops with room made before them, values never pushed, steps undone by their inverse) against closed forms and central differences.</summary>
public class ArrayTapeTests
{
    [Theory]
    [InlineData(60, 0)]
    [InlineData(60, 3)]
    [InlineData(7, 25)]
    public void PowerResiduals_NestOfCountedLoops_ResidualTimesPowers(int n, int skip)
    {
        // 60 points by 20 coefficients push more than the tape holds at first: the room made before the nest grows it.
        Check(
            "PowerResiduals",
            p => Arrays.PowerResiduals(p, n, skip),
            p => Arrays.PowerResidualsWithGradient(p, n, skip),
            p =>
            {
                var gradient = new double[p.Length];
                for (var i = 0; i < n; i++)
                {
                    var t = -1 + (2.0 * i / (n - 1));
                    var residual = Math.Sin(3 * t) - Enumerable.Range(skip, Math.Max(0, p.Length - skip)).Sum(j => p[j] * Math.Pow(t, j));
                    for (var j = skip; j < p.Length; j++)
                    {
                        gradient[j] -= residual * Math.Pow(t, j);
                    }
                }

                return gradient;
            },
            Point(41, 20, -0.5, 0.5));
    }

    [Fact]
    public void TriangleProducts_InnerBoundsFromOuterIndex_CentralDifferences() =>
        Check(
            "TriangleProducts",
            p => Arrays.TriangleProducts(p, 20),
            p => Arrays.TriangleProductsWithGradient(p, 20),
            p =>
            {
                var gradient = new double[p.Length];
                for (var i = 0; i < 20; i++)
                {
                    var factors = Enumerable.Range(i, 20 - i).Select(j => p[(i * 20) + j] > 0 ? p[(i * 20) + j] : 0.5 * p[(i * 20) + j]).ToArray();
                    for (var j = i; j < 20; j++)
                    {
                        var others = factors.Where((_, f) => f != j - i).Aggregate(1.0, (a, b) => a * b);
                        gradient[(i * 20) + j] = others * (p[(i * 20) + j] > 0 ? 1 : 0.5);
                    }
                }

                return gradient;
            },
            Point(42, 400, 0.8, 1.25),
            Point(43, 400, -1.25, 1.25));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public void Strided_IntStepOfAParameter_TwiceTheVisitedElements(int stride) =>
        Check(
            "Strided",
            p => Arrays.Strided(p, stride),
            p => Arrays.StridedWithGradient(p, stride),
            p => p.Select((v, k) => k % stride == 0 ? 2 * v : 0).ToArray(),
            Point(44, 31));

    [Fact]
    public void Alternating_NegatedEachStep_SignedProducts() =>
        Check(
            "Alternating",
            p => Arrays.Alternating(p),
            p => Arrays.AlternatingWithGradient(p),
            p => p.Select((_, i) => i == 0
                ? Enumerable.Range(1, p.Length - 1).Sum(k => (k % 2 == 0 ? 1 : -1) * p[k])
                : (i % 2 == 0 ? 1 : -1) * p[0]).ToArray(),
            Point(45, 9),
            Point(46, 300));
}
