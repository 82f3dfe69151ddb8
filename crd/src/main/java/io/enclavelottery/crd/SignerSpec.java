package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Who signs the operator's transactions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "self.type != 'local' || has(self.keySecretRef)",
    fieldPath = ".keySecretRef",
    reason = "FieldValueRequired",
    message = "signer.type local needs signer.keySecretRef: the Secret that holds the operator key")
@ValidationRule(
    value = "self.type != 'enclave' || has(self.enclave)",
    fieldPath = ".enclave",
    reason = "FieldValueRequired",
    message = "signer.type enclave needs signer.enclave with its image and expectedPcrs")
@ValidationRule(
    value = "self.type == 'enclave' || !has(self.enclave)",
    fieldPath = ".enclave",
    reason = "FieldValueForbidden",
    message =
        "signer.enclave is used only with signer.type enclave: set type to enclave or remove it")
public record SignerSpec(
    @Required
        @JsonPropertyDescription(
            "local: the controller signs with the key in keySecretRef, and derives each round's"
                + " draw seed from it (whoever holds the key can know the seeds). enclave: a"
                + " signer in an AWS Nitro Enclave (see enclave) holds the key and generates the"
                + " seeds inside, so nobody outside can know them before the draw.")
        SignerType type,
    @JsonPropertyDescription(
            "The Secret, in this LotteryRound's namespace, that holds the operator's private key"
                + " (32 bytes of hex, with or without 0x). Required for type local; read on every"
                + " reconcile, so a rotated key takes effect without a restart. With type enclave"
                + " it is optional: given, the key is injected into the enclave, encrypted to it;"
                + " absent, the enclave generates its own key.")
        SecretKeyRef keySecretRef,
    @JsonPropertyDescription("The enclave signer to run. Only with type enclave.")
        EnclaveSpec enclave) {}
