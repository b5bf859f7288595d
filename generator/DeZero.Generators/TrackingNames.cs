namespace DeZero.Generators;

/// <summary>Names of the pipeline steps, read by the caching tests.</summary>
internal static class TrackingNames
{
    public const string Parsed = nameof(Parsed);
    public const string Registrations = nameof(Registrations);
    public const string Resolved = nameof(Resolved);
    public const string Methods = nameof(Methods);
    public const string Differentiated = nameof(Differentiated);
    public const string Diagnostics = nameof(Diagnostics);
}
