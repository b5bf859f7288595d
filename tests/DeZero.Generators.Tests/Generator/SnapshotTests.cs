using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>Layer 3: the generator on real source, every generated file compared with its snapshot.</summary>
/// <remarks>
/// Every snapshot belongs to one row of <see cref="Cases"/>, so <see cref="ExpectedSnapshotFiles"/> works out the
/// complete set of snapshot names by itself: it runs the generator over every row (fast, no emit). That needs no
/// test ordering, no shared state between tests and gives the same answer under a filtered run.
/// </remarks>
public sealed class SnapshotTests : ISnapshotOwner
{
    private const string TestMethod = nameof(Generate_Case_MatchesSnapshots);

    /// <summary>Case name to user source; one theory row each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["Rosenbrock"] = """
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Rosenbrock(double x, double y)
                {
                    double a = 1 - x;
                    double b = y - x * x;
                    return a * a + 100 * b * b;
                }
            }
            """,
        // Hessian = true: …WithHessian along the method's statements, the kernel's second derivatives read from it.
        ["Hessian"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable(Hessian = true)]
                public static double Bump(double x, double y)
                {
                    if (x > y)
                    {
                        return x * x * y;
                    }

                    return Math.Sin(x) * Math.Exp(y);
                }
            }
            """,
        ["Vectorized"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable(Vectorize = true)]
                public static double Seed(double x)
                {
                    double a = x * x;
                    double b = Math.Exp(a);
                    return b * b;
                }
            }
            """,
        ["ExpressionBody"] = """
            using DeZero;

            public static partial class Ops
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """,
        ["IntParameter"] = """
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Scaled(double x, int n) => n * System.Math.Exp(x / n);
            }
            """,
        ["NestedInternal"] = """
            using DeZero;

            namespace Samples.Deep;

            public static partial class Outer
            {
                internal static partial class Inner
                {
                    [Differentiable]
                    internal static double Softplus(double x) => System.Math.Log(1 + System.Math.Exp(x));
                }
            }
            """,
        ["BranchesAndCalls"] = """
            using DeZero;
            using static System.Math;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Relu(double x) => x > 0 ? x : 0;

                [Differentiable]
                public static double Piecewise(double x, double y)
                {
                    if (x < 0 && y < 0)
                    {
                        return Relu(-x) * y;
                    }

                    double t = Sin(x) * y;
                    t += x;
                    return t * Sqrt(1 + y * y);
                }
            }
            """,
        ["Loop"] = """
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Iterate(double x, int n)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (s > 10) break;
                        s = s * x + 1;
                    }

                    return s;
                }
            }
            """,
        ["ArrayLogisticLoss"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double LogisticLoss(ReadOnlySpan<double> w, double b, [NoDerivative] ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys, int features)
                {
                    double loss = 0;
                    for (int i = 0; i < ys.Length; i++)
                    {
                        double z = b;
                        for (int j = 0; j < features; j++)
                        {
                            z += w[j] * xs[i * features + j];
                        }

                        loss += Math.Log(1 + Math.Exp(-ys[i] * z));
                    }

                    return loss;
                }
            }
            """,
        ["ArrayDeterminant"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Determinant(ReadOnlySpan<double> a, int n) => Minor(a, n, new int[n], 0);

                [Differentiable]
                public static double Minor(ReadOnlySpan<double> a, int n, int[] used, int row)
                {
                    if (row == n)
                    {
                        return 1;
                    }

                    double det = 0;
                    double sign = 1;
                    for (int column = 0; column < n; column++)
                    {
                        if (used[column] != 0)
                        {
                            continue;
                        }

                        used[column] = 1;
                        det += sign * a[row * n + column] * Minor(a, n, used, row + 1);
                        used[column] = 0;
                        sign = -sign;
                    }

                    return det;
                }
            }
            """,
        ["ArrayScratch"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double SoftmaxDot(double[] z, [NoDerivative] double[] values)
                {
                    Span<double> e = stackalloc double[z.Length];
                    double total = 0;
                    for (int i = 0; i < z.Length; i++)
                    {
                        e[i] = Math.Exp(z[i]);
                        total += e[i];
                    }

                    double s = 0;
                    foreach (var v in e)
                    {
                        s += v;
                    }

                    for (int i = 0; i < z.Length; i++)
                    {
                        s += e[i] / total * values[i];
                    }

                    return s;
                }
            }
            """,
        // Issue 16, bug 2: Newton's method on a function's own derivative, through Price's second derivatives.
        ["GradientCall"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Bonds
            {
                [Differentiable]
                public static double Price(double y, int n) => 100 * Math.Pow(1 + y, -n);

                [Differentiable]
                public static double Yield(double price, int n)
                {
                    double y = 0.05;
                    for (int i = 0; i < 30; i++)
                    {
                        var (p, dp) = PriceWithGradient(y, n);
                        y -= (p - price) / dp;
                    }

                    return y;
                }

                [Differentiable]
                public static double SquaredYields(ReadOnlySpan<double> prices, int n)
                {
                    double total = 0;
                    for (int k = 0; k < prices.Length; k++)
                    {
                        double y = 0.05;
                        for (int i = 0; i < 30; i++)
                        {
                            var (p, dp) = PriceWithGradient(y, n);
                            y -= (p - prices[k]) / dp;
                        }

                        total += y * y;
                    }

                    return total;
                }
            }
            """,
        ["Kinks"] = """
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Kinks(double x, double y) =>
                    System.Math.Abs(x) + System.Math.Max(x, y) + System.Math.Clamp(x, -1, y) + System.Math.Pow(x, y) + System.Math.Atan2(y, x);
            }
            """,
        ["Tables"] = """
            using System;
            using DeZero;

            namespace Samples;

            public static partial class Ops
            {
                private static readonly double[] C = { 1.0, 0.5, -0.25 };

                [Differentiable]
                public static double Horner(double x)
                {
                    double s = 0;
                    for (int i = C.Length - 1; i >= 0; i--) s = s * x + C[i];
                    return s;
                }

                [Differentiable]
                public static double Quadratic(double x) => C[0] + C[1] * x + C[2] * x * x;

                [Differentiable]
                public static double Weighted(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
                {
                    double total = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        double s = 0;
                        foreach (var c in C) s = s * x[i] + c;
                        total += s * w[i];
                    }

                    return total;
                }
            }
            """,
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generate_Case_MatchesSnapshots(string name)
    {
        var result = GeneratorHarness.Run(Cases[name]);
        if (name != "GradientCall") // It calls a member that exists once generated.
        {
            result.AssertInputCompiles();
        }

        result.AssertCompiles();
        Assert.Empty(result.AllDiagnostics);
        Assert.NotEmpty(result.GeneratedSources);

        foreach (var (hintName, text) in result.GeneratedSources)
        {
            Snapshot.Verify(text, hintName, parameters: name);
        }

        result.AssertNoGeneratedWarnings();
    }

    /// <summary>Every snapshot file this class verifies: one per generated file of each case.</summary>
    public static IEnumerable<string> ExpectedSnapshotFiles() =>
        Cases.SelectMany(c => GeneratorHarness.Run(c.Value).GeneratedSources
            .Select(s => Path.GetFileName(Snapshot.PathFor(ThisFile(), nameof(SnapshotTests), TestMethod, s.Key, c.Key))));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
