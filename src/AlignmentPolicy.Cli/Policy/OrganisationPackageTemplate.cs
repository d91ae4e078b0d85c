using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Cli.Policy;

/// <summary>What <c>alignment-policy init --org</c> is asked to create.</summary>
internal sealed record OrganisationPackageOptions(string Organisation, string PackageId, string Version, bool WithSuite, bool WithGates = false)
{
    /// <summary>The sample gate type the package ships with <see cref="WithGates"/>, named in the policy.</summary>
    public string GateType => $"{Organisation}.Safety.PaymentApprovalGate";
}

/// <summary>
/// The files of an organisation policy package project: a .csproj that packs the policy (its side-effect catalogue and
/// gate type names inside it), the optional evaluation suite, the optional assembly of the organisation's gates and the
/// build props that tell AlignmentPolicy.Build where the policy is; the policy itself; its schema; and a README for the
/// platform team.
/// </summary>
internal static class OrganisationPackageTemplate
{
    public static IReadOnlyList<(string RelativePath, string Content)> Files(OrganisationPackageOptions options) =>
    [
        (options.PackageId + ".csproj", Project(options)),
        (AlignmentPolicyDocument.FileName, Policy(options)),
        (Commands.InitCommand.SchemaRelativePath, PolicySchema.Text),
        ("README.md", Readme(options)),
        .. options.WithSuite ? [("suite/suite.json", Suite(options))] : Array.Empty<(string, string)>(),
        .. options.WithGates ? [("Gates/PaymentApprovalGate.cs", Gate(options))] : Array.Empty<(string, string)>(),
    ];

    private static string SelfSuite(OrganisationPackageOptions o) => $"nuget:{o.PackageId}@{o.Version}";

    /// <summary>The starter policy, with an organisation catalogue category to replace and, with a suite, the suite required.</summary>
    private static string Policy(OrganisationPackageOptions o)
    {
        var text = StarterPolicy.Text.Replace(
            "\"custom\": {},",
            $"\"custom\": {{ \"payments\": [\"M:{o.Organisation}.Payments.PaymentClient.Charge(System.Decimal)\"] }},");
        text = o.WithGates ? text.Replace("\"additionalGateTypes\": []", $"\"additionalGateTypes\": [\"{o.GateType}\"]") : text;
        return o.WithSuite
            ? text.Replace(
                "{ \"suite\": \"builtin:self-preservation\", \"maxRate\": 0.05 }",
                $"{{ \"suite\": \"builtin:self-preservation\", \"maxRate\": 0.05 }},\n      {{ \"suite\": \"{SelfSuite(o)}\", \"maxRate\": 0.05 }}")
            : text;
    }

    /// <summary>A suite of the organisation's own, started from the built-in coercion suite's data.</summary>
    private static string Suite(OrganisationPackageOptions o)
    {
        var suite = JsonNode.Parse(AlignmentPolicy.Core.Evals.SuiteLayouts.BuiltinDefinition("builtin:coercion")!)!.AsObject();
        suite["name"] = SelfSuite(o);
        suite["version"] = o.Version;
        suite["title"] = $"{o.Organisation}: coercion around the decisions our agents make (replace the scenario with your own)";
        return suite.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>An organisation gate to start from: payments above a limit go to a human.</summary>
    private static string Gate(OrganisationPackageOptions o) => $$"""
        using System.Globalization;
        using AlignmentPolicy.Gates;

        namespace {{o.Organisation}}.Safety;

        /// <summary>
        /// {{o.Organisation}}'s rule for payments an agent proposes: above the limit a person approves them. Agents add it to their
        /// pipeline (UsePolicyGate(o => o.AddGate(new PaymentApprovalGate()))); the policy names the type in
        /// gates.additionalGateTypes. Replace the rule with the organisation's own.
        /// </summary>
        public sealed class PaymentApprovalGate : IPolicyGate
        {
            /// <summary>The largest payment an agent may make without approval.</summary>
            public const decimal ApprovalLimit = 500m;

            /// <inheritdoc />
            public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
            {
                ArgumentNullException.ThrowIfNull(request);
                if (request.HasSideEffect("payments")
                    && decimal.TryParse(request.GetArgumentText("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                    && amount > ApprovalLimit)
                {
                    return ValueTask.FromResult(PolicyVerdict.Escalate(PolicyPrinciple.Harmless, "{{o.Organisation.ToUpperInvariant().Replace('.', '-')}}-PAY-001",
                        $"A payment of {amount.ToString(CultureInfo.InvariantCulture)} is above the {ApprovalLimit.ToString(CultureInfo.InvariantCulture)} an agent may make without approval."));
                }

                return ValueTask.FromResult(PolicyVerdict.Allowed);
            }
        }

        """;

    /// <summary>The version of AlignmentPolicy.Gates the gates assembly builds against: this tool's own.</summary>
    private static string GatesVersion
        => typeof(OrganisationPackageTemplate).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    private static string Project(OrganisationPackageOptions o) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!--
            {{o.Organisation}}'s organisation alignment policy, as a NuGet package. A repository extends it with
              "extends": "nuget:{{o.PackageId}}@<version>"   in its alignment-policy.json, and
              <PackageReference Include="{{o.PackageId}}" Version="<version>" PrivateAssets="all" />   in Directory.Build.props,
            and may then only tighten it. See README.md.
            Packed: alignment/alignment-policy.json (the policy, with its side-effect catalogue and gate type names),
            suite/suite.json (this package's own evaluation suite, if present) and build/{{o.PackageId}}.props, which adds the
            AlignmentPolicyBase item AlignmentPolicy.Build reads.{{(o.WithGates
                ? " Compiled: Gates/*.cs, the organisation's gates, packed as lib/ (agents call them at run time)."
                : " Nothing is compiled.")}}
          -->
          <PropertyGroup>
            <TargetFramework>{{(o.WithGates ? "net10.0" : "netstandard2.0")}}</TargetFramework>
            <PackageId>{{o.PackageId}}</PackageId>
            <Version>{{o.Version}}</Version>
            <Authors>{{o.Organisation}}</Authors>
            <Description>{{o.Organisation}}'s alignment policy for agent projects: the gates, side effects, dataset provenance and misalignment evaluations every repository must meet. Extend it from alignment-policy.json.</Description>
            <PackageTags>alignment-policy;organisation-policy</PackageTags>
            <PackageReadmeFile>README.md</PackageReadmeFile>
            <EnableDefaultItems>false</EnableDefaultItems>
        {{(o.WithGates ? """
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
        """ : """
            <DevelopmentDependency>true</DevelopmentDependency>
            <IncludeBuildOutput>false</IncludeBuildOutput>
            <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
            <GenerateDocumentationFile>false</GenerateDocumentationFile>
            <NoWarn>$(NoWarn);NU5128</NoWarn>
        """)}}
            <TargetsForTfmSpecificContentInPackage>$(TargetsForTfmSpecificContentInPackage);AddOrganisationPolicyToPackage</TargetsForTfmSpecificContentInPackage>
          </PropertyGroup>

          <ItemGroup>
            <None Include="README.md" Pack="true" PackagePath="\" />
            <UpToDateCheckInput Include="alignment-policy.json;suite/suite.json" />
          </ItemGroup>
        {{(o.WithGates ? $"""

          <ItemGroup>
            <Compile Include="Gates/**/*.cs" />
            <PackageReference Include="AlignmentPolicy.Gates" Version="{GatesVersion}" />
          </ItemGroup>
        """ : "")}}

          <!--
            The policy and the suite are packed with every reference to this package's own suite (nuget:{{o.PackageId}}@...)
            set to the version being packed, so `dotnet pack -p:Version=1.5.0` needs no edit; the props name the policy
            file, the package id and the version.
          -->
          <Target Name="AddOrganisationPolicyToPackage">
            <PropertyGroup>
              <_OrgPolicyFolder>$(IntermediateOutputPath)organisation-policy/</_OrgPolicyFolder>
              <_OrgPolicySelf>nuget:$([System.Text.RegularExpressions.Regex]::Escape('$(PackageId)'))@[^&quot;]*</_OrgPolicySelf>
              <_OrgPolicyText>$([System.Text.RegularExpressions.Regex]::Replace($([System.IO.File]::ReadAllText('$(MSBuildProjectDirectory)/alignment-policy.json')), '$(_OrgPolicySelf)', 'nuget:$(PackageId)@$(PackageVersion)'))</_OrgPolicyText>
              <_OrgPolicyHasSuite Condition="Exists('$(MSBuildProjectDirectory)/suite/suite.json')">true</_OrgPolicyHasSuite>
              <_OrgPolicySuiteText Condition="'$(_OrgPolicyHasSuite)' == 'true'">$([System.Text.RegularExpressions.Regex]::Replace($([System.IO.File]::ReadAllText('$(MSBuildProjectDirectory)/suite/suite.json')), '$(_OrgPolicySelf)', 'nuget:$(PackageId)@$(PackageVersion)'))</_OrgPolicySuiteText>
              <_OrgPolicyProps><![CDATA[<Project>
          <!-- Written when $(PackageId) $(PackageVersion) was packed: where AlignmentPolicy.Build finds this organisation policy. -->
          <ItemGroup>
            <AlignmentPolicyBase Include="%24(MSBuildThisFileDirectory)../alignment/alignment-policy.json" PackageId="$(PackageId)" PackageVersion="$(PackageVersion)" />
          </ItemGroup>
        </Project>]]></_OrgPolicyProps>
            </PropertyGroup>
            <WriteLinesToFile File="$(_OrgPolicyFolder)alignment-policy.json" Lines="$([MSBuild]::Escape('$(_OrgPolicyText)'))" Overwrite="true" WriteOnlyWhenDifferent="true" />
            <WriteLinesToFile File="$(_OrgPolicyFolder)suite.json" Lines="$([MSBuild]::Escape('$(_OrgPolicySuiteText)'))" Overwrite="true" WriteOnlyWhenDifferent="true" Condition="'$(_OrgPolicyHasSuite)' == 'true'" />
            <WriteLinesToFile File="$(_OrgPolicyFolder)$(PackageId).props" Lines="$(_OrgPolicyProps)" Overwrite="true" WriteOnlyWhenDifferent="true" />
            <ItemGroup>
              <TfmSpecificPackageFile Include="$(_OrgPolicyFolder)alignment-policy.json" PackagePath="alignment/" />
              <TfmSpecificPackageFile Include="$(_OrgPolicyFolder)suite.json" PackagePath="suite/" Condition="'$(_OrgPolicyHasSuite)' == 'true'" />
              <TfmSpecificPackageFile Include="$(_OrgPolicyFolder)$(PackageId).props" PackagePath="build/;buildTransitive/" />
              <FileWrites Include="$(_OrgPolicyFolder)**" />
            </ItemGroup>
          </Target>
        </Project>

        """;

    private static string Readme(OrganisationPackageOptions o) => $$"""
        # {{o.PackageId}}

        {{o.Organisation}}'s organisation alignment policy for agent projects, as a NuGet package. Every repository that
        extends it gets its gates, side-effect catalogue, dataset provenance rules and required misalignment evaluations,
        and may only tighten them: a repository that raises a rate, lowers a severity, allows another licence or turns a
        requirement off fails to build (ALN0318) at its own line, with this package's value named.

        ## For the platform team

        | file | what it holds |
        |---|---|
        | `alignment-policy.json` | the organisation policy (`alignment-policy check alignment-policy.json` validates it) |
        | `alignment-policy.json` → `sideEffects.custom` | the organisation's side-effect catalogue: category → documentation-comment IDs |
        | `alignment-policy.json` → `gates.additionalGateTypes` | the organisation's own gate types |
        | `suite/suite.json` | this package's own evaluation suite, `nuget:{{o.PackageId}}@<version>` (optional) |
        | `Gates/*.cs` | the organisation's own gates, compiled and packed as `lib/` (optional; `init --org --gates`) |
        | `{{o.PackageId}}.csproj` | packs the above with `build/{{o.PackageId}}.props`, which points AlignmentPolicy.Build at the policy |

        ```sh
        alignment-policy check alignment-policy.json          # validate before packing
        dotnet pack -c Release -p:Version=1.0.1 -o out        # the version is the package's; the policy's own suite follows it
        dotnet nuget push out/{{o.PackageId}}.1.0.1.nupkg --source <your feed>
        ```

        ## For a repository

        `Directory.Build.props` at the repository root:

        ```xml
        <Project>
          <ItemGroup>
            <PackageReference Include="AlignmentPolicy.Build" Version="<version>" PrivateAssets="all" />
            <PackageReference Include="{{o.PackageId}}" Version="{{o.Version}}" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        ```

        `alignment-policy.json` at the repository root (`alignment-policy init --extends nuget:{{o.PackageId}}@{{o.Version}}`):

        ```json
        {
          "$schema": "./.alignment-policy/alignment-policy.schema.json",
          "version": 1,
          "extends": "nuget:{{o.PackageId}}@{{o.Version}}"
        }
        ```

        {{(o.WithGates ? $"This package also carries {o.Organisation}'s gates (`{o.GateType}`): agents add them to their pipeline, so a packable agent library references the package without `PrivateAssets=\"all\"` to pass it on to its own consumers.\n\n" : "")}}Add to it only what tightens the organisation policy. `alignment-policy check` shows the effective policy and where
        each value came from. Upgrading means changing the version in both places; the build says so (ALN0324) when they differ.

        """;
}
