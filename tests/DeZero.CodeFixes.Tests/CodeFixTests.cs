using System.Threading.Tasks;
using Xunit;

namespace DeZero.CodeFixes.Tests;

/// <summary>The derivative stub: the exact signature the generator accepts, beside the call; the fixed code compiles with the generator's output.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Fix_TwoDoubleParameters_GivesOnePartialEach() => new Test("""
        public static class Special
        {
            public static double Beta(double a, double b) => a * b;
        }

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x, double y) => {|DZ0003:Special.Beta(x, y)|};
        }
        """, """
        public static class Special
        {
            public static double Beta(double a, double b) => a * b;
        }

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x, double y) => Special.Beta(x, y);

            [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Beta))]
            internal static (double Value, double DA, double DB) BetaWithGradient(double a, double b) =>
                throw new global::System.NotImplementedException("Return Beta(a, b) and its partial derivatives with respect to a and b.");
        }
        """).RunAsync();

    [Fact]
    public Task Fix_IntParameter_KeepsItWithoutAPartial() => new Test("""
        public static class Special
        {
            public static double BesselJ(int n, double x) => n * x;
        }

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x, int order)
            {
                var y = 2 * x;
                return {|DZ0003:Special.BesselJ(order, y)|};
            }
        }
        """, """
        public static class Special
        {
            public static double BesselJ(int n, double x) => n * x;
        }

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x, int order)
            {
                var y = 2 * x;
                return Special.BesselJ(order, y);
            }

            [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.BesselJ))]
            internal static (double Value, double DX) BesselJWithGradient(int n, double x) =>
                throw new global::System.NotImplementedException("Return BesselJ(n, x) and its derivative with respect to x.");
        }
        """).RunAsync();

    [Fact]
    public Task Fix_TargetInTheSameType_NamesItWithoutTheType() => new Test("""
        namespace App.Physics
        {
            internal static partial class Model
            {
                public static double Erf(double x) => x;

                [Differentiable]
                public static double F(double x) => {|DZ0003:Erf(x)|} + x;

                [Differentiable]
                public static double G(double x) => x * x;
            }
        }
        """, """
        namespace App.Physics
        {
            internal static partial class Model
            {
                public static double Erf(double x) => x;

                [Differentiable]
                public static double F(double x) => Erf(x) + x;

                [global::DeZero.DerivativeOf(nameof(Erf))]
                internal static (double Value, double DX) ErfWithGradient(double x) =>
                    throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");

                [Differentiable]
                public static double G(double x) => x * x;
            }
        }
        """).RunAsync();

    [Fact]
    public Task Fix_TargetInAnotherNamespace_QualifiesTheType() => new Test("""
        namespace Lib
        {
            public static class Special
            {
                public static double Erf(double x) => x;
            }
        }

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => {|DZ0003:Lib.Special.Erf(x)|};
        }
        """, """
        namespace Lib
        {
            public static class Special
            {
                public static double Erf(double x) => x;
            }
        }

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => Lib.Special.Erf(x);

            [global::DeZero.DerivativeOf(typeof(Lib.Special), nameof(Lib.Special.Erf))]
            internal static (double Value, double DX) ErfWithGradient(double x) =>
                throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
        }
        """).RunAsync();

    [Fact]
    public Task Fix_CallerInAPrivateNestedType_GoesToTheReachableOuterType() => new Test("""
        public static class Special
        {
            public static double Erf(double x) => x;
        }

        public static partial class Outer
        {
            private static partial class Inner
            {
                [Differentiable]
                public static double F(double x) => {|DZ0003:Special.Erf(x)|};
            }
        }
        """, """
        public static class Special
        {
            public static double Erf(double x) => x;
        }

        public static partial class Outer
        {
            private static partial class Inner
            {
                [Differentiable]
                public static double F(double x) => Special.Erf(x);
            }

            [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Erf))]
            internal static (double Value, double DX) ErfWithGradient(double x) =>
                throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
        }
        """).RunAsync();

    /// <summary>
    /// Fix All: one stub per function, however many calls it has; a second function of the same name gets a suffix. One at a
    /// time, each stub goes just after its calling member, before those written already; Fix All writes them in call order.
    /// </summary>
    [Fact]
    public Task FixAll_SeveralCallsAndFunctions_OneStubPerFunction()
    {
        const string Functions = """
            public static class Special
            {
                public static double Erf(double x) => x;

                public static double Beta(double a, double b) => a * b;
            }

            public static class Other
            {
                public static double Erf(double x) => 2 * x;
            }

            """;
        const string Stubs = """
                [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static (double Value, double DX) ErfWithGradient(double x) =>
                    throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");

            """;
        const string Beta = """
                [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Beta))]
                internal static (double Value, double DA, double DB) BetaWithGradient(double a, double b) =>
                    throw new global::System.NotImplementedException("Return Beta(a, b) and its partial derivatives with respect to a and b.");

            """;
        const string F = """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => Special.Erf(x) + Special.Beta(x, x);

            """;
        const string G = """
                [Differentiable]
                public static double G(double x) => Special.Erf(2 * x) * Other.Erf(x);

                [global::DeZero.DerivativeOf(typeof(Other), nameof(Other.Erf))]
                internal static (double Value, double DX) ErfWithGradient2(double x) =>
                    throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
            }
            """;
        return new Test(Functions + """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|DZ0003:Special.Erf(x)|} + {|DZ0003:Special.Beta(x, x)|};

                [Differentiable]
                public static double G(double x) => {|DZ0003:Special.Erf(2 * x)|} * {|DZ0003:Other.Erf(x)|};
            }
            """, Functions + F + "\n" + Beta + "\n" + Stubs + "\n" + G)
        {
            BatchFixedCode = "using DeZero;\n\n" + Functions + F + "\n" + Stubs + "\n" + Beta + "\n" + G,
        }.RunAsync();
    }

    [Fact]
    public Task FixAll_CallsInTwoFiles_OneStubInTheFirst()
    {
        const string Second = """
            using DeZero;

            public static partial class Model
            {
                [Differentiable]
                public static double G(double x) => 2 * {|DZ0003:Special.Erf(x)|};
            }
            """;
        var test = new Test("""
            public static class Special
            {
                public static double Erf(double x) => x;
            }

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|DZ0003:Special.Erf(x)|};
            }
            """, """
            public static class Special
            {
                public static double Erf(double x) => x;
            }

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => Special.Erf(x);

                [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static (double Value, double DX) ErfWithGradient(double x) =>
                    throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
            }
            """);
        test.TestState.Sources.Add(Second);
        test.FixedState.Sources.Add(Second.Replace("{|DZ0003:", string.Empty, System.StringComparison.Ordinal).Replace("|}", string.Empty, System.StringComparison.Ordinal));
        return test.RunAsync();
    }
}
