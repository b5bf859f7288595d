using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>Layer 3: every DZ rule by ID and exact span; the generator never throws and never emits broken code.</summary>
/// <remarks>
/// Each row is a user file with <c>{|Kind:…|}</c> around every span that must carry a diagnostic of that
/// kind (<see cref="DiagnosticIds"/> maps kinds to IDs). The generator's diagnostics must be exactly
/// that set: a missing one, an extra one or a shifted span fails. The source without markers must
/// compile on its own, so every row tests the generator and not a typo.
/// </remarks>
public sealed class DiagnosticsTests
{
    private const string Usings = "using DeZero;\n\n";

    /// <summary>A row: the marked-up source and, optionally, text the first diagnostic's message must contain.</summary>
    public sealed record Case(string Markup, string? MessageContains = null);

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        // Calls the generator cannot see into.
        ["Call_MathMemberNotListed"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => {|UnsupportedCall:System.Math.BitIncrement(x)|} * 2;
            }
            """, "[DerivativeOf(typeof(Math), nameof(Math.BitIncrement))]"), // a member of the base library cannot be marked [Differentiable]
        ["Call_MathReciprocalEstimate"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x + {|UnsupportedCall:System.Math.ReciprocalEstimate(x)|};
            }
            """, "ReciprocalEstimate"),
        ["Call_UserMethodWithoutAttribute"] = new("""
            public static partial class Ops
            {
                static double Helper(double x) => x * x;

                [Differentiable]
                public static double F(double x) => 1 + {|UnsupportedCall:Helper(x)|};
            }
            """, "mark it [Differentiable]"),
        // double.IsNaN(x) in a condition is fine: a bool call is evaluated, not differentiated.
        ["Call_DoubleMemberNotListed"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => double.IsNaN(x) ? 0 : {|UnsupportedCall:double.MaxNumber(x, 2)|};
            }
            """, "'double.MaxNumber(double, double)' is not differentiable: it is neither a [Differentiable] method, nor a supported member of Math or double, nor given a derivative; supply its derivative with a static method marked [DerivativeOf(typeof(double), nameof(double.MaxNumber))] (the IDE offers to create it)"),

        // A warning, not an error: the method is still generated, its node runs on scalars.
        ["Vectorize_BodyWithBranch"] = new("""
            public static partial class Ops
            {
                [Differentiable(Vectorize = true)]
                public static double {|CannotVectorize:F|}(double x) => x > 0 ? x : -x;
            }
            """, "but a conditional expression cannot run on SIMD lanes"),
        ["Vectorize_FunctionWithoutALane"] = new("""
            public static partial class Ops
            {
                [Differentiable(Vectorize = true)]
                public static double {|CannotVectorize:F|}(double x)
                {
                    double y = System.Math.Exp(x);
                    return y * System.Math.Tanh(y);
                }
            }
            """, "but Math.Tanh cannot run on SIMD lanes"),
        ["Vectorize_Table"] = new("""
            public static partial class Ops
            {
                private static readonly double[] C = { 1.0, 0.5 };

                [Differentiable(Vectorize = true)]
                public static double {|CannotVectorize:F|}(double x) => C[0] + C[1] * x;
            }
            """, "but the table 'C' cannot run on SIMD lanes"),
        ["Vectorize_IntParameter"] = new("""
            public static partial class Ops
            {
                [Differentiable(Vectorize = true)]
                public static double {|CannotVectorize:F|}(double x, int n) => x * n;
            }
            """, "the parameter 'n', which is not differentiated"),
        ["Vectorize_Loop"] = new("""
            public static partial class Ops
            {
                [Differentiable(Vectorize = true)]
                public static double {|CannotVectorize:F|}(double x)
                {
                    double s = 0;
                    for (int i = 0; i < 3; i++) s += x;
                    return s;
                }
            }
            """, "but a loop cannot run on SIMD lanes"),

        // Signatures.
        ["Parameter_Float"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, {|UnsupportedParameterType:float y|}) => x;
            }
            """, "float"),
        ["Parameter_Decimal"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F({|UnsupportedParameterType:decimal d|}, double x) => x;
            }
            """, "decimal"),
        ["Parameter_Long"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, {|UnsupportedParameterType:long n|}) => x;
            }
            """, "long"),
        ["Parameter_String"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, {|UnsupportedParameterType:string s|}) => x;
            }
            """, "string"),
        ["Parameter_Ref"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F({|ByRefParameter:ref double x|}) => x * x;
            }
            """),
        ["Parameter_Out"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, {|ByRefParameter:out double y|})
                {
                    y = 0;
                    return x;
                }
            }
            """),
        ["Parameter_In"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F({|ByRefParameter:in double x|}) => x * x;
            }
            """),
        ["Method_Instance"] = new("""
            public partial class Ops
            {
                [Differentiable]
                public double {|NotStatic:F|}(double x) => x * x;
            }
            """),
        ["Method_Generic"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F{|GenericMethod:<T>|}(double x) => x * x;
            }
            """),
        ["Return_Int"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static {|UnsupportedReturnType:int|} F(double x) => 1;
            }
            """),
        ["Return_Float"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static {|UnsupportedReturnType:float|} F(double x) => 1f;
            }
            """),
        ["Return_Void"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static {|UnsupportedReturnType:void|} F(double x)
                {
                }
            }
            """),
        ["Parameters_OnlyInt"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double {|NoDoubleParameter:F|}(int n) => n;
            }
            """),
        ["Body_Extern"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static extern double {|NoBody:F|}(double x);
            }
            """),
        ["Parameters_None"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double {|NoDoubleParameter:F|}() => 1;
            }
            """),

        // Where the method lives.
        ["Type_NotPartial"] = new("""
            public static class {|TypeNotPartial:Ops|}
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
            """, "Ops"),
        ["Type_OuterNotPartial"] = new("""
            public static class {|TypeNotPartial:Outer|}
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double F(double x) => x * x;
                }
            }
            """, "Outer"),
        ["Type_FileLocal"] = new("""
            file static partial class {|FileLocalType:Ops|}
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
            """),
        ["LocalFunction"] = new("""
            public static partial class Ops
            {
                public static double Outer(double x)
                {
                    return Local(x);

                    {|LocalFunctionOrLambda:[Differentiable]
                    static double Local(double t) => t * t;|}
                }
            }
            """),
        ["Lambda"] = new("""
            public static partial class Ops
            {
                public static System.Func<double, double> Make() => {|LocalFunctionOrLambda:[Differentiable] (double t) => t * t|};
            }
            """),

        // Names.
        ["Name_TwoMethodsOneName"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double {|DuplicateName:F|}(double x) => x * x;

                [Differentiable]
                public static double {|DuplicateName:F|}(double x, double y) => x * y;
            }
            """, "F"),
        ["Name_CollidesWithFunctionClass"] = new("""
            public static partial class Ops
            {
                public sealed class FFunction
                {
                }

                [Differentiable]
                public static double {|NameCollision:F|}(double x) => x * x;
            }
            """, "FFunction"),
        ["Name_CollidesWithWithGradient"] = new("""
            public static partial class Ops
            {
                public static int FWithGradient(double x) => 0;

                [Differentiable]
                public static double {|NameCollision:F|}(double x) => x * x;
            }
            """, "FWithGradient"),
        ["Name_CollidesWithVariableOverload"] = new("""
            public static partial class Ops
            {
                public static Variable F(Variable x) => x;

                [Differentiable]
                public static double {|NameCollision:F|}(double x) => x * x;
            }
            """),

        // A callee with errors.
        ["Call_DifferentiableWithErrors"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double Bad(double x) => {|UnsupportedCall:System.Math.BitIncrement(x)|};

                [Differentiable]
                public static double Caller(double x) => 2 * {|CalleeHasErrors:Bad(x)|};
            }
            """),

        // Bodies.
        ["Local_Float"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    float {|UnsupportedLocalType:t = 1f|};
                    return x;
                }
            }
            """, "float"),
        ["Local_Long"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    long {|UnsupportedLocalType:n = 3|};
                    return x;
                }
            }
            """, "long"),
        ["Local_Array"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    double[]? {|UnsupportedLocalType:a = null|};
                    return x;
                }
            }
            """),
        ["Local_String"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    var {|UnsupportedLocalType:s = "x"|};
                    return x;
                }
            }
            """),
        // Hessian = true.
        ["Hessian_OnSpanMethod"] = new("""
            public static partial class Ops
            {
                [Differentiable(Hessian = true)]
                public static double {|NoSecondDerivatives:F|}(System.ReadOnlySpan<double> x) => x[0] * x[0];
            }
            """, "span or array parameters"),
        ["Hessian_SecondPartialNamesCollide"] = new("""
            public static partial class Ops
            {
                [Differentiable(Hessian = true)]
                public static double {|NameCollision:F|}(double x, double xX) => x * xX;
            }
            """, "DXX"),
        ["Hessian_WithHessianTaken"] = new("""
            public static partial class Ops
            {
                public static int FWithHessian(double x) => 0;

                [Differentiable(Hessian = true)]
                public static double {|NameCollision:F|}(double x) => x * x;
            }
            """, "FWithHessian"),

        // Arrays and spans.
        ["Array_WriteIntoDoubleArrayParameter"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double[] x)
                {
                    {|ArrayParameterWritten:x[0] = 2|};
                    return x[0];
                }
            }
            """, "'x'"),
        ["Array_WriteThroughSpanOfParameter"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double[] x)
                {
                    System.Span<double> view = x;
                    {|ArrayParameterWritten:view[1] += 3|};
                    return view[1];
                }
            }
            """, "'x'"),
        ["Array_SpanViewsTwoArrays"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(System.ReadOnlySpan<double> x, System.ReadOnlySpan<double> y)
                {
                    System.ReadOnlySpan<double> v = x;
                    v = {|SpanViewsTwoArrays:y|};
                    return v[0];
                }
            }
            """, "'v' views 'x' and here 'y'"),
        ["Array_LocalArrayInScalarMethod"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    double[] {|UnsupportedLocalType:a = new double[2]|};
                    return x;
                }
            }
            """, "span or array parameter"),
        // Static readonly double[] and int[] fields are tables of constants; other fields and properties are not read.
        ["Table_StaticFieldNotReadonly"] = new("""
            public static partial class Ops
            {
                private static double[] s_coefficients = { 1.0, 0.5 };

                [Differentiable]
                public static double F(double x) => {|UnsupportedExpression:s_coefficients|}[0] + x;
            }
            """, "the static field 's_coefficients' is not readonly, so it could change between a value and its gradient; a table of constants is a static readonly double[] or int[] field"),
        ["Table_StaticDoubleNotReadonly"] = new("""
            public static partial class Ops
            {
                private static double s_scale = 2;

                [Differentiable]
                public static double F(double x) => {|UnsupportedExpression:s_scale|} * x;
            }
            """, "the static field 's_scale' is not readonly, so it could change between a value and its gradient; read a const or static readonly field, or pass the value as a [NoDerivative] double or int parameter"),
        ["Table_InstanceField"] = new("""
            public sealed class Settings
            {
                public double Scale = 2;
                public double[] Coefficients = { 1.0, 0.5 };
            }

            public static partial class Ops
            {
                private static readonly Settings Default = new();

                [Differentiable]
                public static double F(double x) => {|UnsupportedExpression:Default.Scale|} * x + {|UnsupportedExpression:Default.Coefficients|}[1];
            }
            """, "'Scale' is an instance field; read a const or static readonly field"),
        ["Table_SpanProperty"] = new("""
            public static partial class Ops
            {
                private static System.ReadOnlySpan<double> Coefficients => [1.0, 0.5];

                [Differentiable]
                public static double F(double x) => {|UnsupportedExpression:Coefficients|}[0] + x * {|UnsupportedExpression:Coefficients|}[1];
            }
            """, "the property 'Coefficients' is not read (a property runs code); a table of constants is a static readonly double[] or int[] field ('static readonly double[] C = { 1.0, 0.5 };')"),
        ["Table_SpanPropertyInArrayMethod"] = new("""
            public static partial class Ops
            {
                private static System.ReadOnlySpan<double> Coefficients => new double[] { 1.0, 0.5 };

                [Differentiable]
                public static double F(System.ReadOnlySpan<double> x) => x[0] * {|UnsupportedExpression:Coefficients|}[1];
            }
            """, "the property 'Coefficients' is not read"),
        ["Table_ElementWritten"] = new("""
            public static partial class Ops
            {
                private static readonly double[] C = { 1.0, 0.5 };

                [Differentiable]
                public static double F(double x)
                {
                    {|UnsupportedExpression:C|}[0] = x;
                    return x;
                }
            }
            """, "the static readonly array 'C' is a table of constants, read as C[i], C.Length or foreach; it is not passed, viewed, sliced or written"),
        ["Table_ElementWrittenInArrayMethod"] = new("""
            public static partial class Ops
            {
                private static readonly double[] C = { 1.0, 0.5 };

                [Differentiable]
                public static double F(double[] x)
                {
                    {|UnsupportedExpression:C|}[1] += x[0];
                    return x[0];
                }
            }
            """, "'C' is a table of constants"),
        ["Table_PassedToACallee"] = new("""
            public static partial class Ops
            {
                private static readonly double[] C = { 1.0, 0.5 };

                [Differentiable]
                public static double Dot(System.ReadOnlySpan<double> x, [NoDerivative] System.ReadOnlySpan<double> c) => x[0] * c[0] + x[1] * c[1];

                [Differentiable]
                public static double F(double[] x) => Dot(x, {|UnsupportedExpression:C|});
            }
            """, "pass its elements, or copy it into a local array"),
        ["Table_ViewedByASpan"] = new("""
            public static partial class Ops
            {
                private static readonly double[] C = { 1.0, 0.5 };

                [Differentiable]
                public static double F(double[] x)
                {
                    System.ReadOnlySpan<double> c = {|UnsupportedExpression:C|};
                    return x[0] * c[0];
                }
            }
            """, "'C' is a table of constants"),
        ["Array_Linq"] = new("""
            using System.Linq;

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double[] x) => {|UnsupportedCall:x.Sum()|};
            }
            """),
        ["Array_SpanParameter"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F({|UnsupportedParameterType:System.Span<double> x|}) => x[0];
            }
            """, "ReadOnlySpan<double>"),
        ["Array_ParamsArray"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F({|UnsupportedParameterType:params double[] x|}) => x[0];
            }
            """),
        ["Array_EveryParameterNoDerivative"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double {|NoDoubleParameter:F|}([NoDerivative] double[] x, [NoDerivative] double y) => x[0] * y;
            }
            """, "[NoDerivative]"),
        ["Array_GradientArgumentNameTaken"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double {|NameCollision:F|}(System.ReadOnlySpan<double> x, double dX) => x[0] * dX;
            }
            """, "dX"),
        ["Array_ElementAssignmentInsideExpression"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(System.ReadOnlySpan<double> x)
                {
                    double[] a = new double[2];
                    return x[0] * ({|UnsupportedExpression:a[0] = 2|});
                }
            }
            """),
        ["Expression_AssignmentToFieldInsideExpression"] = new("""
            public static partial class Ops
            {
                private static double s_last;

                [Differentiable]
                public static double F(double x) => 2 * ({|UnsupportedExpression:s_last = x|});
            }
            """),
        ["Expression_StringLength"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x + {|UnsupportedExpression:"abc".Length|};
            }
            """),
        ["Expression_Checked"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n) => x * checked({|UnsupportedExpression:n * 2|}); // checked changes nothing on double, so only int arithmetic is refused
            }
            """, "checked(…)"),
        ["Expression_CheckedConversion"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x * checked({|UnsupportedExpression:(int)(x * 1e10)|});
            }
            """, "OverflowException"),
        ["Statement_CheckedIncrement"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    checked
                    {
                        {|UnsupportedExpression:n++|};
                    }

                    return x * n;
                }
            }
            """, "remove checked"),
        ["Expression_Remainder"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => {|UnsupportedExpression:x % 2|};
            }
            """),
        ["Expression_StaticField"] = new("""
            public static partial class Ops
            {
                static double k = 2;

                [Differentiable]
                public static double F(double x) => {|UnsupportedExpression:k|} * x;
            }
            """),
        ["Switch_LocalSharedBySections"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    {|UnsupportedStatement:switch (n)
                    {
                        case 0:
                            double t = x;
                            return t;
                        case 1:
                            t = 2 * x;
                            return t * x;
                        default:
                            return x;
                    }|}
                }
            }
            """, "declare it before the switch"),
        ["Switch_BreakBeforeTheEndOfASection"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    double y = x;
                    switch (n)
                    {
                        case 0:
                            if (x > 0)
                            {
                                {|UnsupportedStatement:break;|}
                            }

                            y = 2 * x;
                            break;
                    }

                    return y;
                }
            }
            """, "use if/else inside the section"),
        ["Switch_GuardThatAssigns"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    double y = 0;
                    return n switch
                    {
                        > 0 when {|UnsupportedExpression:(y = x) > 1|} => y,
                        _ => x,
                    };
                }
            }
            """, "assign before the switch"),
        ["Switch_OnAString"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    switch ({|UnsupportedExpression:n.ToString()|})
                    {
                        case "1":
                            return x;
                        default:
                            return -x;
                    }
                }
            }
            """, "switch on a double, int or bool value"),
        ["Pattern_TypeTest"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, int n) => n switch
                {
                    0 => x,
                    {|UnsupportedExpression:int|} => -x,
                };
            }
            """, "tests a type"),
        // What a throw or a logged call cannot carry into the generated code.
        ["Throw_ObjectInitializer"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x) => x > 0 ? x : throw {|UnsupportedExpression:new System.ArgumentException("x") { Source = "F" }|};
            }
            """, "nameof"),
        // Deconstruction of what is not a tuple written out, or into what is not a local or a parameter.
        ["Tuple_ValueNotWrittenOut"] = new("""
            public static partial class Ops
            {
                static (double, double) Pair(double x) => (x, 2 * x);

                [Differentiable]
                public static double F(double x)
                {
                    var (a, b) = {|UnsupportedExpression:Pair(x)|};
                    return a * b;
                }
            }
            """, "(a, b) = (e1, e2)"),
        ["Tuple_Nested"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    double a = 0, b = 0, c = 0;
                    (a, (b, c)) = {|UnsupportedExpression:(x, (2 * x, 3 * x))|};
                    return a * b * c;
                }
            }
            """),
        ["Tuple_IntoAField"] = new("""
            public static partial class Ops
            {
                private static double s_last;

                [Differentiable]
                public static double F(double x)
                {
                    double b;
                    ({|UnsupportedExpression:s_last|}, b) = (x, 2 * x);
                    return b * x;
                }
            }
            """, "locals and parameters"),
        ["LocalFunction_NotStatic"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    double k = 2;
                    return Scale(x);

                    {|UnsupportedStatement:double Scale(double t) => k * t;|}
                }
            }
            """, "make it static"),
        ["LocalFunction_FloatParameter"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    return Half(1f) * x;

                    {|UnsupportedStatement:static double Half(float t) => t / 2;|}
                }
            }
            """, "double and int parameters"),
        ["Throw_InAMethodOfArrays"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double[] w)
                {
                    if (w.Length == 0)
                    {
                        {|UnsupportedStatement:throw new System.ArgumentException("empty", nameof(w));|}
                    }

                    return w[0] * w[0];
                }
            }
            """, "cannot throw or log yet"),
        ["VoidCall_ByReferenceArgument"] = new("""
            public static partial class Ops
            {
                static void Fill(ref double value) => value = 1;

                [Differentiable]
                public static double F(double x)
                {
                    double y = x;
                    Fill({|UnsupportedExpression:ref y|});
                    return y * x;
                }
            }
            """, "by reference"),
        ["VoidCall_FileLocalType"] = new("""
            file static class Log
            {
                public static void Write(double value) { }
            }

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    {|UnsupportedExpression:Log.Write(x)|};
                    return x * x;
                }
            }
            """, "file-local"),
        ["VoidCall_ArrayArgument"] = new("""
            public static partial class Ops
            {
                static void Write(double[] values) { }

                [Differentiable]
                public static double F(double x)
                {
                    Write({|UnsupportedExpression:new[] { x, 2 * x }|});
                    return x * x;
                }
            }
            """, "compute anything else into a local first"),
        ["Statement_Try"] = new("""
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    {|UnsupportedStatement:try
                    {
                        return x * x;
                    }
                    finally
                    {
                    }|}
                }
            }
            """),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generate_UnsupportedConstruct_ReportsErrorAtExactSpan(string name)
    {
        var row = Cases[name];
        var (source, expected) = Markup.Parse(Usings + row.Markup);

        var result = GeneratorHarness.Run(source);

        result.AssertInputCompiles();
        result.AssertCompiles();
        var actual = result.AllDiagnostics
            .Select(d => (Id: d.Id, d.Location.SourceSpan, Text: source[d.Location.SourceSpan.Start..d.Location.SourceSpan.End]))
            .OrderBy(d => d.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToArray();
        var wanted = expected
            .Select(e => (e.Id, e.Span, Text: source[e.Span.Start..e.Span.End]))
            .ToArray();
        Assert.True(
            wanted.SequenceEqual(actual),
            $"Expected:\n{Format(wanted)}\nActual:\n{Format(actual)}\nMessages:\n{string.Join("\n", result.AllDiagnostics.Select(d => d.ToString()))}");

        Assert.All(result.AllDiagnostics, d =>
        {
            // Every rule is an error but DZ0023, a warning: the method is still generated, on scalars.
            Assert.Equal(d.Id == DiagnosticIds.CannotVectorize ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.Severity);
            Assert.Equal("DeZero", d.Descriptor.Category);
            var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrWhiteSpace(message));
            // A build log shows a diagnostic's first line only: the reason and what to do must be on it.
            Assert.DoesNotContain('\n', message);
            Assert.DoesNotContain('\r', message);
        });
        if (row.MessageContains is { } fragment)
        {
            Assert.Contains(fragment, result.AllDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Message_StatementOnSeveralLines_IsOneLineQuotingItAndGivingTheReason()
    {
        var result = GeneratorHarness.Run(Usings + """
            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x)
                {
                    try
                    {
                        return x;
                    }
                    finally
                    {
                    }
                }
            }
            """);

        result.AssertInputCompiles();
        var diagnostic = Assert.Single(result.AllDiagnostics);
        Assert.Equal(DiagnosticIds.UnsupportedStatement, diagnostic.Id);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("The statement 'try { return x; } finally { }' is not supported in a [Differentiable] method: ", message);
        Assert.DoesNotContain('\n', message);
    }

    /// <summary>
    /// Issue 16: an int parameter whose node property DeZero.Function already has is DZ0013 at that parameter, and
    /// blocks the graph node alone: …WithGradient is generated, and a method that calls it is differentiated.
    /// </summary>
    [Fact]
    public void Generate_IntParameterNamedLikeANodeMember_DZ0013AtTheParameterAndWithGradientStillGenerated()
    {
        var (source, expected) = Markup.Parse(Usings + """
            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, {|NameCollision:int inputs|}, int n, {|NameCollision:int output|}) => x * inputs + output * x * x + n;

                [Differentiable]
                public static double Caller(double x) => F(2 * x, 3, 1, 4);
            }
            """);

        var result = GeneratorHarness.Run(source);

        result.AssertInputCompiles();
        result.AssertCompiles();
        Assert.Equal(expected.Select(e => (e.Id, e.Span)), result.AllDiagnostics.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(d => d.SourceSpan.Start));
        Assert.Equal(
            "Type 'FFunction' already declares 'Inputs', which the generator emits for 'inputs'; rename one of them",
            result.AllDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var members = result.MemberNames("Samples.Ops");
        Assert.Contains("FWithGradient", members);
        Assert.DoesNotContain("FFunction", members);
        Assert.Contains("CallerWithGradient", members);
        Assert.Contains("CallerFunction", members);
        using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
        Assert.Equal([2 * 3 + 4 * 4 + 1, 3 + 2 * 4 * 2], loaded.InvokeTuple("Samples.Ops", "FWithGradient", 2.0, 3, 1, 4));
        Assert.Equal([6 * 1.5 + 4 * 9 + 1, 2 * (3 + 8 * 3)], loaded.InvokeTuple("Samples.Ops", "CallerWithGradient", 1.5));
    }

    [Fact]
    public void Generate_MethodWithError_GetsNoOutputWhileItsNeighbourDoes()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace Samples;

            public static partial class Ops
            {
                [Differentiable]
                public static double Good(double x, double y) => x * y + System.Math.Sin(x);

                [Differentiable]
                public static double Bad(double x) => System.Math.BitIncrement(x);

                [Differentiable]
                public static double AlsoGood(double x) => x * x;
            }
            """);

        result.AssertInputCompiles();
        result.AssertCompiles();
        Assert.Single(result.AllDiagnostics);
        var members = result.MemberNames("Samples.Ops");
        Assert.Contains("GoodWithGradient", members);
        Assert.Contains("GoodFunction", members);
        Assert.Contains("AlsoGoodWithGradient", members);
        Assert.DoesNotContain("BadWithGradient", members);
        Assert.DoesNotContain("BadFunction", members);
        Assert.Single(result.Output.GetTypeByMetadataName("Samples.Ops")!.GetMembers("Bad"));
    }

    [Fact]
    public void Generate_EveryRuleInOneFile_NoExceptionAndOutputCompiles()
    {
        // All rows at once, each in its own namespace: the generator must keep going past each error.
        var sources = Cases.Select((row, i) =>
            Usings + $"namespace Case{i};\n\n" + Markup.Parse(row.Value.Markup).Source).ToArray();

        var result = GeneratorHarness.Run(sources);

        result.AssertInputCompiles();
        result.AssertCompiles();
        Assert.Equal(Cases.Values.Sum(c => Markup.Parse(c.Markup).Expected.Count), result.AllDiagnostics.Length);
        Assert.DoesNotContain(result.AllDiagnostics, d => d.Id == DiagnosticIds.InternalError);
    }

    [Fact]
    public void Diagnostics_EveryRule_HelpLinkPointsAtItsReadmeRow()
    {
        foreach (var descriptor in DeZero.Generators.Diagnostics.Descriptors.All)
        {
            Assert.Equal(
                "https://github.com/dezero-generators/DeZero.Generators#" + descriptor.Id.ToLowerInvariant(),
                descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void Diagnostics_EveryRule_IsListedInAnalyzerReleases()
    {
        var root = Snapshot.Directory();
        var generatorDir = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "..", "..", "generator", "DeZero.Generators"));
        var releases = string.Concat(
            System.IO.File.ReadAllText(System.IO.Path.Combine(generatorDir, "AnalyzerReleases.Shipped.md")),
            System.IO.File.ReadAllText(System.IO.Path.Combine(generatorDir, "AnalyzerReleases.Unshipped.md")));
        var ids = typeof(DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct();

        Assert.All(ids, id => Assert.Contains(id, releases));
    }

    [Fact]
    public void DiagnosticIds_MatchTheGeneratorsDescriptors()
    {
        var mine = typeof(DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();
        var generators = DeZero.Generators.Diagnostics.Descriptors.All.Select(d => d.Id).ToHashSet();

        Assert.Equal(generators.Order(), mine.Order());
    }

    private static string Format(IEnumerable<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span, string Text)> items) =>
        string.Join("\n", items.Select(i => $"  {i.Id} {i.Span} '{i.Text}'"));
}
