/**
 * The language of a prompt: by Unicode script where the script decides it, by Lingua
 * where it does not.
 */
package io.llmfleet.classifier.language;
