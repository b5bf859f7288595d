namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>
/// The generator's diagnostic IDs, by the kind of construct they reject: the one place to align with
/// generator/DeZero.Generators/Diagnostics/. Test sources mark spans with the kind, <c>{|UnsupportedCall:…|}</c>,
/// so renumbering touches only this file; two kinds may share an ID if the generator merges them.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>A call to a method that is neither <c>[Differentiable]</c> nor a supported <c>Math</c> member.</summary>
    public const string UnsupportedCall = "DZ0001";

    /// <summary>A parameter whose type is neither <c>double</c> nor <c>int</c>.</summary>
    public const string UnsupportedParameterType = "DZ0002";

    /// <summary>A <c>ref</c>, <c>out</c>, <c>in</c> or <c>ref readonly</c> parameter.</summary>
    public const string ByRefParameter = "DZ0003";

    /// <summary>An instance method.</summary>
    public const string NotStatic = "DZ0004";

    /// <summary>The containing type, or a type it is nested in, is not <c>partial</c>.</summary>
    public const string TypeNotPartial = "DZ0005";

    /// <summary>The containing type is <c>file</c>-local.</summary>
    public const string FileLocalType = "DZ0006";

    /// <summary><c>[Differentiable]</c> on a local function or a lambda.</summary>
    public const string LocalFunctionOrLambda = "DZ0007";

    /// <summary>A generic method.</summary>
    public const string GenericMethod = "DZ0008";

    /// <summary>Two <c>[Differentiable]</c> methods with one name in one type.</summary>
    public const string DuplicateName = "DZ0009";

    /// <summary>The type already declares a member a generated one would collide with.</summary>
    public const string NameCollision = "DZ0010";

    /// <summary>A call to a <c>[Differentiable]</c> method that itself has errors.</summary>
    public const string CalleeHasErrors = "DZ0011";

    /// <summary>A return type other than <c>double</c>.</summary>
    public const string UnsupportedReturnType = "DZ0012";

    /// <summary>No <c>double</c> parameter: nothing to differentiate.</summary>
    public const string NoDoubleParameter = "DZ0013";

    /// <summary>A local of a type other than <c>double</c> or <c>int</c>.</summary>
    public const string UnsupportedLocalType = "DZ0014";

    /// <summary>Any other statement or expression the generator cannot differentiate.</summary>
    public const string UnsupportedConstruct = "DZ0015";

    /// <summary>The ID of a kind named in markup; throws for an unknown kind so a typo cannot pass.</summary>
    public static string Of(string kind) =>
        typeof(DiagnosticIds).GetField(kind)?.GetRawConstantValue() as string
        ?? throw new System.ArgumentException($"Unknown diagnostic kind '{kind}' in test markup.", nameof(kind));
}
