namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>
/// The generator's diagnostic IDs, by the kind of construct they reject, aligned with
/// generator/DeZero.Generators/Diagnostics/Descriptors.cs (a test checks both lists match). Test sources mark spans with the kind, <c>{|UnsupportedCall:…|}</c>,
/// so renumbering touches only this file; two kinds may share an ID if the generator merges them.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>A call to a method that is neither <c>[Differentiable]</c> nor a supported <c>Math</c> member.</summary>
    public const string UnsupportedCall = "DZ0003";

    /// <summary>A parameter whose type is neither <c>double</c> nor <c>int</c>.</summary>
    public const string UnsupportedParameterType = "DZ0004";

    /// <summary>A <c>ref</c>, <c>out</c>, <c>in</c> or <c>ref readonly</c> parameter.</summary>
    public const string ByRefParameter = "DZ0005";

    /// <summary>An instance method.</summary>
    public const string NotStatic = "DZ0007";

    /// <summary>The containing type, or a type it is nested in, is not <c>partial</c>.</summary>
    public const string TypeNotPartial = "DZ0008";

    /// <summary>The containing type is <c>file</c>-local.</summary>
    public const string FileLocalType = "DZ0009";

    /// <summary><c>[Differentiable]</c> on a local function or a lambda.</summary>
    public const string LocalFunctionOrLambda = "DZ0010";

    /// <summary>A generic method.</summary>
    public const string GenericMethod = "DZ0011";

    /// <summary>Two <c>[Differentiable]</c> methods with one name in one type.</summary>
    public const string DuplicateName = "DZ0012";

    /// <summary>The type already declares a member a generated one would collide with.</summary>
    public const string NameCollision = "DZ0013";

    /// <summary>A call to a <c>[Differentiable]</c> method that itself has errors.</summary>
    public const string CalleeHasErrors = "DZ0014";

    /// <summary>A return type other than <c>double</c>.</summary>
    public const string UnsupportedReturnType = "DZ0006";

    /// <summary>No <c>double</c> parameter: nothing to differentiate.</summary>
    public const string NoDoubleParameter = "DZ0015";

    /// <summary>A local of a type other than <c>double</c> or <c>int</c>.</summary>
    public const string UnsupportedLocalType = "DZ0016";

    /// <summary>Any other expression the generator cannot differentiate.</summary>
    public const string UnsupportedExpression = "DZ0002";

    /// <summary>Any other statement the generator cannot differentiate.</summary>
    public const string UnsupportedStatement = "DZ0001";

    /// <summary>A <c>[Differentiable]</c> method without a body (<c>extern</c>, a partial declaration).</summary>
    public const string NoBody = "DZ0017";

    /// <summary>A call to a <c>[Differentiable]</c> method of a referenced assembly built without the generator.</summary>
    public const string CalleeWithoutGradient = "DZ0018";

    /// <summary><c>[DerivativeOf]</c> names a function that does not exist.</summary>
    public const string DerivativeTargetNotFound = "DZ0019";

    /// <summary><c>[DerivativeOf]</c> names a function that is not a static function of double and int returning double.</summary>
    public const string DerivativeTargetNotDifferentiable = "DZ0020";

    /// <summary>A supplied derivative whose signature does not fit its function.</summary>
    public const string DerivativeSignatureMismatch = "DZ0021";

    /// <summary>Two supplied derivatives for one function.</summary>
    public const string DuplicateDerivative = "DZ0022";

    /// <summary>A warning: Vectorize asked for on a body that cannot run on SIMD lanes; the node runs on scalars.</summary>
    public const string CannotVectorize = "DZ0023";

    /// <summary>The runtime is referenced only under an extern alias, so global::DeZero does not exist.</summary>
    public const string RuntimeUnderAlias = "DZ0024";

    /// <summary>An expression nested deeper than the generator takes.</summary>
    public const string NestedTooDeeply = "DZ0025";

    /// <summary>The generator failed on a method (reported instead of throwing); no test may ever see it.</summary>
    public const string InternalError = "DZ9999";

    /// <summary>The ID of a kind named in markup; throws for an unknown kind so a typo cannot pass.</summary>
    public static string Of(string kind) =>
        typeof(DiagnosticIds).GetField(kind)?.GetRawConstantValue() as string
        ?? throw new System.ArgumentException($"Unknown diagnostic kind '{kind}' in test markup.", nameof(kind));

    /// <summary>An element written into a double array parameter, or a span viewing one.</summary>
    public const string ArrayParameterWritten = "DZ0026";

    /// <summary>A span or array local that views different arrays, or something the generator cannot follow.</summary>
    public const string SpanViewsTwoArrays = "DZ0027";

    /// <summary><c>Hessian = true</c> on a method whose second derivatives cannot be written (a supplied derivative, arrays).</summary>
    public const string NoSecondDerivatives = "DZ0028";
}
