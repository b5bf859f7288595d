using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DeZero.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each message names the construct and says what to do.</summary>
internal static class Descriptors
{
    private const string Category = "DeZero";

    // Declared first: static fields initialise in order, and every descriptor below reads it.
    /// <summary>The repository's address, stamped into this assembly from the build's single RepositoryUrl property.</summary>
    private static readonly string RepositoryUrl =
        typeof(Descriptors).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value ?? string.Empty;

    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(
        "DZ0001",
        "Statement not supported in a [Differentiable] method",
        "The statement '{0}' is not supported in a [Differentiable] method: {1}");

    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(
        "DZ0002",
        "Expression not supported in a [Differentiable] method",
        "The expression '{0}' is not supported in a [Differentiable] method: {1}");

    public static readonly DiagnosticDescriptor NotDifferentiableCall = Error(
        "DZ0003",
        "Call to a method that is not differentiable",
        "'{0}' is not differentiable: it is neither a [Differentiable] method, nor a supported member of Math or double, nor given a derivative; {1}");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "DZ0004",
        "Parameter type not supported",
        "Parameter '{0}' has type '{1}': a [Differentiable] method takes double, double[] and ReadOnlySpan<double> parameters, which are differentiated, and int, int[] and ReadOnlySpan<int> parameters, which are not");

    public static readonly DiagnosticDescriptor ByReferenceParameter = Error(
        "DZ0005",
        "By-reference parameter not supported",
        "Parameter '{0}' is passed by reference ('{1}'): pass it by value and return the result");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "DZ0006",
        "Return type must be double",
        "'{0}' returns '{1}': a [Differentiable] method must return double");

    public static readonly DiagnosticDescriptor NotStatic = Error(
        "DZ0007",
        "Method must be static",
        "'{0}' is not static: make it static, a [Differentiable] method may only depend on its parameters");

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "DZ0008",
        "Containing type must be partial",
        "Type '{0}' must be declared partial so the generated members of '{1}' can be added to it");

    public static readonly DiagnosticDescriptor FileLocalType = Error(
        "DZ0009",
        "File-local types cannot take generated members",
        "Type '{0}' is file-local: generated members cannot be added to it; move '{1}' to a type that is not declared 'file'");

    public static readonly DiagnosticDescriptor LocalFunctionOrLambda = Error(
        "DZ0010",
        "[Differentiable] on a local function or lambda",
        "[Differentiable] cannot be applied to a {0}: move it to a static method of a partial type");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "DZ0011",
        "Generic method not supported",
        "'{0}' is generic: a [Differentiable] method works on double; remove its type parameters");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "DZ0012",
        "Two [Differentiable] methods share a name",
        "Type '{1}' has more than one [Differentiable] method named '{0}': their generated members would clash; rename one");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        "DZ0013",
        "Generated member would collide with an existing one",
        "Type '{0}' already declares '{1}', which the generator emits for '{2}'; rename one of them");

    public static readonly DiagnosticDescriptor CalleeHasErrors = Error(
        "DZ0014",
        "Call to a [Differentiable] method that has errors",
        "'{0}' has errors of its own, so it has no generated gradient; fix '{0}' first");

    public static readonly DiagnosticDescriptor NoDoubleParameter = Error(
        "DZ0015",
        "Nothing to differentiate",
        "'{0}' has no differentiated parameter (a double, double[] or ReadOnlySpan<double> not marked [NoDerivative]): there is nothing to differentiate; add one or remove [Differentiable]");

    public static readonly DiagnosticDescriptor UnsupportedLocal = Error(
        "DZ0016",
        "Local type not supported",
        "Local '{0}' has type '{1}': a [Differentiable] method may declare double, int and bool locals, and arrays and spans of double and int when it takes a span or array parameter");

    public static readonly DiagnosticDescriptor NoBody = Error(
        "DZ0017",
        "Method has no body",
        "'{0}' has no body to differentiate: give it one, or supply its derivative with [DerivativeOf]");

    public static readonly DiagnosticDescriptor CalleeWithoutGradient = Error(
        "DZ0018",
        "Referenced [Differentiable] method has no generated gradient",
        "'{0}' is marked [Differentiable] but its type has no '{1}': rebuild its assembly with the DeZero generator");

    public static readonly DiagnosticDescriptor DerivativeTargetNotFound = Error(
        "DZ0019",
        "[DerivativeOf] names a function that does not exist",
        "'{0}' is the derivative of '{1}', which does not exist: name a static method with nameof, and give its type when it is not this one");

    public static readonly DiagnosticDescriptor DerivativeTargetNotDifferentiable = Error(
        "DZ0020",
        "[DerivativeOf] names a function that cannot take a derivative",
        "'{0}' is the derivative of '{1}', which is not a static function of double and int parameters returning double");

    public static readonly DiagnosticDescriptor DerivativeSignatureMismatch = Error(
        "DZ0021",
        "Supplied derivative does not fit its function",
        "'{0}' does not fit '{1}': expected a public or internal method '{2}', the value first, then one partial for each double parameter");

    public static readonly DiagnosticDescriptor DuplicateDerivative = Error(
        "DZ0022",
        "Two derivatives for one function",
        "'{0}' has {1} [DerivativeOf] derivatives: keep one");

    public static readonly DiagnosticDescriptor RuntimeUnderAlias = Error(
        "DZ0024",
        "DeZero is referenced only under an extern alias",
        "The generated members of '{0}' name global::DeZero, but the DeZero runtime is referenced only under an extern alias: add 'global' to the reference's aliases");

    public static readonly DiagnosticDescriptor NestedTooDeeply = Error(
        "DZ0025",
        "Expression nested too deeply",
        "This expression nests more than {0} operations deep: split it into statements with locals, so its derivative can be written without exhausting the compiler's stack");

    public static readonly DiagnosticDescriptor ArrayParameterWritten = Error(
        "DZ0026",
        "Elements of an array parameter written",
        "'{0}' writes an element of parameter '{1}', whose gradient would then be ambiguous: copy it into a local array and change the copy");

    public static readonly DiagnosticDescriptor SpanViewsTwoArrays = Error(
        "DZ0027",
        "A span local views different arrays",
        "'{0}' {1}: a span or array local must always view one array (it may move along it); declare another local for the other");

    public static readonly DiagnosticDescriptor NoSecondDerivatives = Error(
        "DZ0028",
        "Second derivatives cannot be written",
        "'{0}' asks for Hessian = true, but its second derivatives cannot be written: {1}; remove Hessian = true, or make what stops them a [Differentiable] method (a function with a supplied derivative, a local function)");

    public static readonly DiagnosticDescriptor CannotVectorize = new(
        "DZ0023",
        "Method cannot run on SIMD lanes",
        "'{0}' asks for Vectorize, but {1} cannot run on SIMD lanes, so its graph node runs on scalars; a body of straight-line double arithmetic with Exp, Log, Sqrt, Sin and Cos runs on lanes",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: $"{RepositoryUrl}#dz0023");

    public static bool IsError(DiagnosticInfo diagnostic) => ById(diagnostic.Id).DefaultSeverity == DiagnosticSeverity.Error;

    public static readonly DiagnosticDescriptor InternalError = Error(
        "DZ9999",
        "The generator failed",
        "The DeZero generator failed on '{0}': {1}; no code was generated for it. Please report this with the method's source.");

    public static readonly DiagnosticDescriptor[] All =
    [
        UnsupportedStatement, UnsupportedExpression, NotDifferentiableCall, UnsupportedParameter,
        ByReferenceParameter, UnsupportedReturnType, NotStatic, TypeNotPartial, FileLocalType,
        LocalFunctionOrLambda, GenericMethod, DuplicateName, NameCollision, CalleeHasErrors,
        NoDoubleParameter, UnsupportedLocal, NoBody, CalleeWithoutGradient, DerivativeTargetNotFound,
        DerivativeTargetNotDifferentiable, DerivativeSignatureMismatch, DuplicateDerivative, CannotVectorize, RuntimeUnderAlias, NestedTooDeeply,
        ArrayParameterWritten, SpanViewsTwoArrays, NoSecondDerivatives,
        InternalError,
    ];

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new System.ArgumentException($"Unknown diagnostic id {id}", nameof(id));
    }

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: $"{RepositoryUrl}#{id.ToLowerInvariant()}");

}
