using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// Odd but valid C#: each case either works (the output compiles, and <c>…WithGradient</c> agrees with central
/// differences of the user's own method and with the graph) or gets a DZ error and no output; none crashes.
/// </summary>
public sealed class OddCodeTests
{
    /// <summary>A row: the sources, then the method to check (metadata type name, name, arguments) or the DZ error expected.</summary>
    public sealed record Case(string[] Sources, string? Type = null, string? Method = null, object[]? Arguments = null, string? ExpectedError = null);

    private const string Head = "using System;\nusing DeZero;\n\nnamespace Odd;\n\n";

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        ["Nested_ThreeLevelsMixedAccessibility"] = new([Head + """
            public static partial class Outer
            {
                internal static partial class Middle
                {
                    private static partial class Inner
                    {
                        [Differentiable]
                        internal static double F(double x, double y) => x * Math.Sin(y);
                    }
                }
            }
            """], "Odd.Outer+Middle+Inner", "F", [0.7, 1.3]),
        ["Nested_InGenericType"] = new([Head + """
            public static partial class Outer<T> where T : struct
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double F(double x) => x * x * x;
                }
            }
            """], "Odd.Outer`1+Inner", "F", [1.5]),
        ["Type_GenericItself"] = new([Head + """
            public static partial class Holder<TKey, TValue>
            {
                [Differentiable]
                public static double F(double x, double y) => Math.Exp(x) / (1 + y * y);
            }
            """], "Odd.Holder`2", "F", [0.3, -0.4]),
        ["Type_Struct"] = new([Head + """
            public partial struct Point
            {
                [Differentiable]
                public static double Norm(double x, double y) => Math.Sqrt(x * x + y * y);
            }
            """], "Odd.Point", "Norm", [3.0, 4.0]),
        ["Type_RecordClass"] = new([Head + """
            public partial record Shape(double Size)
            {
                [Differentiable]
                public static double Area(double r) => Math.PI * r * r;
            }
            """], "Odd.Shape", "Area", [2.0]),
        ["Type_RecordStruct"] = new([Head + """
            public readonly partial record struct Pair(double A, double B)
            {
                [Differentiable]
                public static double Product(double a, double b) => a * b + Math.Tanh(a);
            }
            """], "Odd.Pair", "Product", [0.5, 2.0]),
        ["Type_Interface"] = new([Head + """
            public partial interface IModel
            {
                [Differentiable]
                static double Loss(double x) => (x - 1) * (x - 1);
            }
            """], "Odd.IModel", "Loss", [3.0]),
        ["Type_FileLocalOuter"] = new([Head + """
            file static partial class Hidden
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double F(double x) => x * x;
                }
            }
            """], ExpectedError: DiagnosticIds.FileLocalType),
        ["Type_FileLocal"] = new([Head + """
            file static partial class Hidden
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
            """], ExpectedError: DiagnosticIds.FileLocalType),
        ["Overloads_WithoutAttribute"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x * Math.Cos(x);

                public static double F(double x, double y) => x + y;

                public static int F(int n) => n;

                public static double F(string s) => s.Length;

                public static double Use(double x) => F(x) + F(x, 1) + F(1) + F("a");
            }
            """], "Odd.Ops", "F", [0.9]),
        ["Overloads_UserDeclaresTheGraphOverload"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x * x;

                public static Variable F(Variable x) => x;
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Clash_UserDeclaresWithGradient"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x * x;

                public static (double Value, double DX) FWithGradient(double x) => (x * x, 2 * x);
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Clash_UserDeclaresFunctionClass"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x * x;

                public sealed class FFunction { }
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Clash_DifferentiableNamedLikeAGeneratedMember"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x * x;

                [Differentiable]
                public static double FWithGradient(double x) => x * 3;
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Names_ContainingTypeAndNamespaceLikeOurs"] = new(["""
            using DeZero;

            namespace Odd.DeZero.System;

            public static partial class Math
            {
                [Differentiable]
                public static double F(double x) => global::System.Math.Sin(x) * x;
            }
            """], "Odd.DeZero.System.Math", "F", [0.4]),
        ["Parameters_NamedLikeTemporaries"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, double t1, double dx_dx, double x0, double stride0, double gx0, double xs,
                    double shape, double y, double g, double gy, double d0, int n, int i, int k)
                {
                    double s = x * t1 + dx_dx * x0;
                    double ds_dx = s * stride0 + gx0 * xs;
                    double t2 = ds_dx * shape - y * g;
                    double dt2_dx = t2 + gy * Math.Sin(d0);
                    return dt2_dx * n + s * i - k * t2;
                }
            }
            """], "Odd.Ops", "F", [0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 2, 3, 4]),
        ["Parameters_IntNamedLikeNodeLocals"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int xs, int shape, int y, int gStride, int stride0, int x0)
                    => x * xs + shape * x * x - y + gStride * stride0 * x0 * x;
            }
            """], "Odd.Ops", "F", [0.5, 2, 3, 4, 5, 6, 7]),
        ["Parameters_IntNamedLikeFunctionMembers"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int inputs, int output, int generation) => x * inputs + output - generation * x * x;
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Identifiers_Unicode"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double Φ(double δ, double ñandú, int ω)
                {
                    double λ = δ * ñandú;
                    double \u0061bc = λ * ω + Math.Sin(δ);
                    return abc * λ;
                }
            }
            """], "Odd.Ops", "Φ", [0.3, 1.7, 2]),
        ["Identifiers_Underscores"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double _, double _x, double __, int _n) => _ * _x + __ * _n;
            }
            """], "Odd.Ops", "F", [0.3, 1.7, 0.2, 3]),
        ["Usings_GlobalUsingStaticMath"] = new([
            "global using static System.Math;\nglobal using DeZero;\n",
            """
            namespace Odd;

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, double y) => Sin(x) * Exp(y) + PI * Sqrt(x * x + y * y) + Max(x, y);
            }
            """], "Odd.Ops", "F", [0.3, 1.1]),
        ["Usings_AliasForMathAndAttribute"] = new(["""
            using M = System.Math;
            using D = DeZero.DifferentiableAttribute;

            namespace Odd;

            public static partial class Ops
            {
                [D]
                public static double F(double x) => M.Exp(M.Sin(x));
            }
            """], "Odd.Ops", "F", [0.3]),
        ["Preprocessor_Conditional"] = new(["""
            #define LOCAL
            using System;
            using DeZero;

            namespace Odd;

            public static partial class Ops
            {
            #if NEVER
                [Differentiable]
                public static double Hidden(double x) => x;
            #endif

                #region the method
                [Differentiable]
                public static double F(double x)
                {
            #if LOCAL
                    double s = x * x;
            #else
                    double s = x;
            #endif
            #pragma warning disable CS1717
                    return s
            #if !LOCAL || NEVER
                        + Math.Sin(x)
            #elif LOCAL
                        + Math.Cos(x)
            #endif
                    ;
            #pragma warning restore CS1717
                }
                #endregion

            #if LOCAL
                [Differentiable]
            #endif
                public static double G(double x) => Math.Exp(x) * F(x);
            }
            """], "Odd.Ops", "G", [0.6]),
    };

    /// <summary>Rows that once failed, each with a fact of its own below.</summary>
    public static readonly IReadOnlyDictionary<string, Case> Bugs = new Dictionary<string, Case>
    {
        ["Names_LikeTheRuntimeAndTheNodeMembers"] = new([Head + """
            public static partial class Function
            {
                [Differentiable]
                public static double Variable(double x) => x * x;

                [Differentiable]
                public static double Call(double x) => Variable(x) + 1;

                [Differentiable]
                public static double Inputs(double x) => Call(x) * 2;

                [Differentiable]
                public static double Elementwise(double x) => Inputs(x) - x;

                [Differentiable]
                public static double ForwardAll(double x) => Elementwise(x) * x;
            }
            """], "Odd.Function", "ForwardAll", [1.25]),
        ["Parameters_DifferingOnlyInCase"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, double X) => x * X + x;
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Parameters_IntDifferingOnlyInCase"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n, int N) => x * n + N;
            }
            """], ExpectedError: DiagnosticIds.NameCollision),
        ["Identifiers_Keywords"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double @double(double @int, double @return, int @class)
                {
                    double @var = @int * @return;
                    @var += @class * @int;
                    return @var * @var;
                }
            }
            """], "Odd.Ops", "double", [0.3, 1.7, 2]),
        // Issue 16, bug 4: [Differentiable] on the defining declaration reported DZ0017 ("no body").
        ["Partial_AttributeOnTheDefiningDeclaration"] = new([
            Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static partial double F(double x, int n);
            }
            """,
            Head + """
            public static partial class Ops
            {
                public static partial double F(double x, int n)
                {
                    double s = 0;
                    for (int i = 1; i <= n; i++)
                    {
                        s += Math.Sin(i * x) / i;
                    }

                    return s;
                }
            }
            """], "Odd.Ops", "F", [0.7, 3]),
        // Issue 16, bug 5: defaults were dropped from the generated signatures (CS7036 on FWithGradient()).
        ["Defaults_OnEveryParameter"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x = 1, double y = double.PositiveInfinity, int n = -2) =>
                    Math.Pow(x, n) * Math.Atan(y);

                // Still one overload to call once F(Variable, Variable, int n = -2) is generated beside it.
                public static double Use() => F() + F(2);
            }
            """], "Odd.Ops", "F", [0.7, 2.0, 3]),
        ["Carried_KeywordNamesUsingStaticAndAliases"] = new(["""
            using System;
            using DeZero;
            using static System.Console;
            using Dbg = System.Diagnostics.Debug;
            using Error = System.ArgumentOutOfRangeException;

            namespace Odd;

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double @double, int @in)
                {
                    Dbg.Assert(@double > -100, $"{nameof(@double)} = {@double}");
                    if (@double < -10 || @in < 0)
                    {
                        throw new Error(nameof(@double), @double, @in + " " + @double);
                    }

                    Out.Flush();
                    double @return = @double > 5 ? throw new Error(nameof(@in)) : @double * @in;
                    return @return * Math.Sin(@double);
                }
            }
            """], "Odd.Ops", "F", [0.7, 3]),
        ["LocalFunctions_NamedLikeWhatIsGenerated"] = new([Head + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    double t1 = Sq(x) + SqWithGradient(x) * n;
                    return t1 * Math.Sin(t1);

                    static double Sq(double t) => t * t;

                    static double SqWithGradient(double dt_dt) => Sq(dt_dt) * dt_dt + Sq(2);
                }
            }
            """], "Odd.Ops", "F", [0.7, 3]),
        ["Partial_AttributeOnTheImplementation"] = new([Head + """
            public static partial class Ops
            {
                public static partial double F(double x);

                [Differentiable]
                public static partial double F(double x) => x * Math.Exp(x);
            }
            """], "Odd.Ops", "F", [0.7]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generate_OddButValidCode_WorksOrReportsADzError(string name) => Check(Cases[name]);

    [Fact]
    public void Generate_MethodNamedForwardAll_NoWarnings() => Check(Bugs["Names_LikeTheRuntimeAndTheNodeMembers"]);

    [Fact]
    public void Generate_ParametersDifferingOnlyInCase_ReportsDZ0013() => Check(Bugs["Parameters_DifferingOnlyInCase"]);

    [Fact]
    public void Generate_IntParametersDifferingOnlyInCase_ReportsDZ0013() => Check(Bugs["Parameters_IntDifferingOnlyInCase"]);

    [Fact]
    public void Generate_KeywordIdentifiers_Work() => Check(Bugs["Identifiers_Keywords"]);

    [Fact]
    public void Generate_PartialMethodAttributedOnItsDefinition_DifferentiatesTheImplementation() =>
        Check(Bugs["Partial_AttributeOnTheDefiningDeclaration"]);

    [Fact]
    public void Generate_DefaultValues_KeptWithoutMakingCallsAmbiguous() => Check(Bugs["Defaults_OnEveryParameter"]);

    [Fact]
    public void Generate_CarriedThrowsAndCalls_NameEverythingInFull() => Check(Bugs["Carried_KeywordNamesUsingStaticAndAliases"]);

    [Fact]
    public void Generate_LocalFunctionsNamedLikeWhatIsGenerated_Work() => Check(Bugs["LocalFunctions_NamedLikeWhatIsGenerated"]);

    [Fact]
    public void Generate_PartialMethodAttributedOnItsImplementation_Works() => Check(Bugs["Partial_AttributeOnTheImplementation"]);

    private static void Check(Case row)
    {
        var result = GeneratorHarness.Run(row.Sources);
        result.AssertInputCompiles();
        AssertNoCrash(result);
        result.AssertCompiles();
        var errors = result.AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (row.ExpectedError is { } id)
        {
            Assert.True(errors.Any(d => d.Id == id), $"Expected {id}, got:\n{result.Describe(result.AllDiagnostics)}");
            return;
        }

        Assert.True(errors.Length == 0, "Unexpected errors:\n" + result.Describe(errors));
        result.AssertNoGeneratedWarnings();
        using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
        CheckGradient(loaded, row.Type!, row.Method!, row.Arguments!);
    }

    [Fact]
    public void Generate_RuntimeOnlyUnderAnExternAlias_ReportsDZ0024()
    {
        var compilation = AliasedRuntime(["dz"], """
            extern alias dz;
            using System;
            using dz::DeZero;

            namespace Odd;

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => Math.Sin(x) * x;
            }
            """);
        var result = GeneratorHarness.Run(compilation);
        result.AssertInputCompiles();
        AssertNoCrash(result);
        Assert.Contains(result.AllDiagnostics, d => d.Id == DiagnosticIds.RuntimeUnderAlias);
        result.AssertCompiles();
    }

    [Fact]
    public void Generate_RuntimeUnderAnExternAliasAndGlobal_Works()
    {
        var compilation = AliasedRuntime(["global", "dz"], """
            extern alias dz;
            using System;

            namespace Odd;

            public static partial class Ops
            {
                [dz::DeZero.Differentiable]
                public static double F(double x) => Math.Sin(x) * x;
            }
            """);
        var result = GeneratorHarness.Run(compilation);
        result.AssertInputCompiles();
        AssertNoCrash(result);
        result.AssertCompiles();
        Assert.Empty(result.AllDiagnostics);
        using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
        CheckGradient(loaded, "Odd.Ops", "F", [0.8]);
    }

    /// <summary>
    /// Nesting as deep as the issue asks for. Roslyn's own limit depends on the stack: on the 8 MB of a Linux main
    /// thread it compiles depth 1,000 (on 1 MB it reports CS8078 from about depth 450), so this runs on a thread of
    /// that size. The generator takes nesting to depth 200 and reports DZ0025 beyond, never crashing.
    /// </summary>
    [Theory]
    [InlineData("Sin", 1000)]
    [InlineData("Parentheses", 1000)]
    public void Generate_DeeplyNestedExpression_ReportsDZ0025(string kind, int depth)
    {
        var source = Source(kind, depth);
        OnThread(8 << 20, () =>
        {
            // Roslyn reports CS8078 for 1,000 nested parentheses even on 8 MB (its binder gives up first): test the
            // deepest depth, in steps of 50, that it compiles.
            while (GeneratorHarness.Compile(source).GetDiagnostics().Any(d => d.Id == "CS8078"))
            {
                depth -= 50;
                Assert.True(depth > 0, "Roslyn compiles no depth at all");
                source = Source(kind, depth);
            }

            var result = GeneratorHarness.Run(source);
            result.AssertInputCompiles();
            AssertNoCrash(result);
            result.AssertCompiles();
            Assert.Contains(result.AllDiagnostics, d => d.Id == DiagnosticIds.NestedTooDeeply);
        });
    }

    /// <summary>Up to the generator's depth, nesting works on a 1 MB stack, gradient and all.</summary>
    [Theory]
    [InlineData("Sin", 150)]
    [InlineData("Parentheses", 90)] // two operations a level
    public void Generate_NestedWithinTheLimit_WorksOnOneMegabyte(string kind, int depth)
    {
        var source = Source(kind, depth);
        OnThread(1 << 20, () =>
        {
            var result = GeneratorHarness.Run(source);
            result.AssertInputCompiles();
            AssertNoCrash(result);
            result.AssertCompiles();
            Assert.Empty(result.AllDiagnostics);
            using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
            CheckGradient(loaded, "Odd.Ops", "F", [0.4]);
        });
    }

    /// <summary>
    /// On a 1 MB stack (Windows' default for every thread; the IDE and the compiler server run generators on pool
    /// threads) Roslyn compiles nesting to about depth 400; wherever it does, the generator must not fail.
    /// </summary>
    [Theory]
    [InlineData("Sin", 400)]
    [InlineData("Parentheses", 300)]
    public void Generate_NestedAsDeepAsRoslynCompilesOnOneMegabyte_Works(string kind, int depth)
    {
        var body = kind == "Sin"
            ? string.Concat(Enumerable.Repeat("Math.Sin(", depth)) + "x" + new string(')', depth)
            : string.Concat(Enumerable.Repeat("(0.5 + 0.999 * ", depth)) + "x" + new string(')', depth);
        var source = Head + $"public static partial class Ops\n{{\n    [Differentiable]\n    public static double F(double x) => {body};\n}}\n";
        OnThread(1 << 20, () =>
        {
            var result = GeneratorHarness.Run(source);
            result.AssertInputCompiles();
            AssertNoCrash(result);
            result.AssertCompiles();
        });
    }

    /// <summary>
    /// Issue 16: a flat sum of 10,000 terms in one expression, as a computer algebra system writes it. Roslyn parses and
    /// binds left-deep chains without recursion, so this compiles on any stack; so does the generator, which cuts the chain
    /// into statements. The value is C#'s to the last bit.
    /// </summary>
    [Fact]
    public void Generate_FlatSumOfTenThousandOperations_WorksOnOneMegabyte()
    {
        var body = "x" + string.Concat(Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? " + x * 0.5" : " - y"));
        var source = Head + $"public static partial class Ops\n{{\n    [Differentiable]\n    public static double F(double x, double y) => {body};\n}}\n";
        OnThread(1 << 20, () =>
        {
            var result = GeneratorHarness.Run(source);
            result.AssertInputCompiles();
            AssertNoCrash(result);
            result.AssertCompiles();
            Assert.Empty(result.AllDiagnostics);
            using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
            CheckGradient(loaded, "Odd.Ops", "F", [0.3, 0.7]);
            var (x, y) = (0.3, 0.7);
            double expected = x;
            for (var i = 0; i < 5000; i++)
            {
                expected = i % 2 == 0 ? expected + x * 0.5 : expected - y;
            }

            Assert.Equal([expected, 1 + (2500 * 0.5), -2500], loaded.InvokeTuple("Odd.Ops", "FWithGradient", x, y));
        });
    }

    /// <summary>A product of 3,000 factors and a sum of products of int and double terms: cut into statements, exact.</summary>
    [Fact]
    public void Generate_FlatProductAndSumOfProducts_WorksOnOneMegabyte()
    {
        var product = string.Join(" * ", Enumerable.Range(0, 3000).Select(i => i % 3 == 0 ? "x" : "1.0001"));
        var sum = "n * x" + string.Concat(Enumerable.Range(1, 2000).Select(i => $" + {i % 7} * n * x * y - y / {i}"));
        var source = Head + $"public static partial class Ops\n{{\n    [Differentiable]\n    public static double F(double x, double y, int n) => ({product}) + {sum};\n}}\n";
        OnThread(1 << 20, () =>
        {
            var result = GeneratorHarness.Run(source);
            result.AssertInputCompiles();
            AssertNoCrash(result);
            result.AssertCompiles();
            Assert.Empty(result.AllDiagnostics);
            using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
            CheckGradient(loaded, "Odd.Ops", "F", [1.0001, 0.4, 3]);
        });
    }

    /// <summary>10,000 operations in 2,500 statements: no exception, and it compiles (its time is a benchmark, not a test).</summary>
    [Fact]
    public void Generate_BlockOfTenThousandOperations_Compiles()
    {
        var source = Head + "public static partial class Ops\n{\n    [Differentiable]\n    public static double F(double x, double y)\n    {\n        double s = x;\n"
            + string.Concat(Enumerable.Range(0, 2500).Select(_ => "        s = s * 0.999 + Math.Sin(s) * 0.001 - y;\n"))
            + "        return s;\n    }\n}\n";
        OnThread(1 << 20, () =>
        {
            var result = GeneratorHarness.Run(source);
            AssertNoCrash(result);
            Assert.Empty(result.AllDiagnostics);
            Assert.Single(result.GeneratedSources);
            result.AssertCompiles();
        });
    }

    private static string Source(string kind, int depth)
    {
        var body = kind == "Sin"
            ? string.Concat(Enumerable.Repeat("Math.Sin(", depth)) + "x" + new string(')', depth)
            : string.Concat(Enumerable.Repeat("(0.5 + 0.999 * ", depth)) + "x" + new string(')', depth);
        return Head + $"public static partial class Ops\n{{\n    [Differentiable]\n    public static double F(double x) => {body};\n}}\n";
    }

    private static void OnThread(int stackSize, Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, stackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private static CSharpCompilation AliasedRuntime(string[] aliases, string source)
    {
        var runtime = GeneratorHarness.RuntimeAssembly.Location;
        var references = GeneratorHarness.References
            .Select(r => r is PortableExecutableReference pe && pe.FilePath == runtime
                ? pe.WithAliases(aliases)
                : r);
        return CSharpCompilation.Create("Aliased" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, "Source0.cs")],
            references, GeneratorHarness.CompilationOptions);
    }

    internal static void AssertNoCrash(GeneratorResult result)
    {
        result.AssertNoGeneratorException();
        var internalErrors = result.AllDiagnostics.Where(d => d.Id is DiagnosticIds.InternalError or "AD0001").ToArray();
        Assert.True(internalErrors.Length == 0, "The generator or the analyzer failed:\n" + result.Describe(internalErrors));
    }

    /// <summary>
    /// Every partial of <c>…WithGradient</c> against a central difference of the user's method, and the graph overload
    /// (over 0-d variables) against <c>…WithGradient</c>. Arguments are doubles (differentiated) and ints (not).
    /// </summary>
    internal static void CheckGradient(LoadedAssembly loaded, string typeName, string methodName, object[] arguments)
    {
        var type = loaded.Assembly.GetType(typeName, throwOnError: true)!;
        if (type.IsGenericTypeDefinition)
        {
            type = type.MakeGenericType([.. type.GetGenericArguments().Select(_ => typeof(int))]);
        }

        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var types = arguments.Select(a => a.GetType()).ToArray();
        var f = type.GetMethod(methodName, Static, types) ?? throw new Xunit.Sdk.XunitException($"No {methodName} in {type}");
        var withGradient = type.GetMethod(methodName + "WithGradient", Static, types)
            ?? throw new Xunit.Sdk.XunitException($"No {methodName}WithGradient in {type}");
        var graph = type.GetMethod(methodName, Static, [.. types.Select(t => t == typeof(double) ? typeof(Variable) : t)])
            ?? throw new Xunit.Sdk.XunitException($"No {methodName}(Variable…) in {type}");

        double Call(object[] args) => (double)Invoke(f, args);
        var tuple = LoadedAssembly.Elements(Invoke(withGradient, arguments));
        Assert.Equal(Call(arguments), tuple[0], 12);

        var partial = 1;
        var variables = arguments.Select(a => a is double d ? (object)new Variable(d) : a).ToArray();
        var output = (Variable)Invoke(graph, variables);
        output.Backward();
        Assert.Equal(tuple[0], output.Data.Item(), 12);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is not double at)
            {
                continue;
            }

            var h = 1e-6 * Math.Max(1, Math.Abs(at));
            var plus = (object[])arguments.Clone();
            var minus = (object[])arguments.Clone();
            plus[i] = at + h;
            minus[i] = at - h;
            var numeric = (Call(plus) - Call(minus)) / (2 * h);
            var analytic = tuple[partial];
            Assert.True(Math.Abs(analytic - numeric) <= 1e-5 * Math.Max(1, Math.Abs(numeric)),
                string.Create(CultureInfo.InvariantCulture, $"∂{methodName}/∂(argument {i}) at {at}: generated {analytic:R}, central difference {numeric:R}"));
            var fromGraph = ((Variable)variables[i]).Grad!.Item();
            Assert.True(Math.Abs(fromGraph - analytic) <= 1e-10 * Math.Max(1, Math.Abs(analytic)),
                string.Create(CultureInfo.InvariantCulture, $"∂{methodName}/∂(argument {i}): graph {fromGraph:R}, WithGradient {analytic:R}"));
            partial++;
        }

        Assert.Equal(partial, tuple.Length);
    }

    private static object Invoke(MethodInfo method, object[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
