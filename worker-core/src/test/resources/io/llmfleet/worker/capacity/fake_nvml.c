/*
 * A fake libnvidia-ml.so for tests: the NVML functions the worker binds through JNA, over a
 * table of fake devices that a test fills through the fake_nvml_* functions. Compiled by
 * FakeNvml with `gcc -shared -fPIC`. Signatures, return codes and error strings follow
 * NVIDIA's nvml.h; device i has UUID "GPU-fake-<i>".
 */
#include <stdio.h>
#include <string.h>

typedef int nvmlReturn_t;

#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_FOUND 6
#define NVML_ERROR_INSUFFICIENT_SIZE 7

#define MAX_DEVICES 16
#define TEXT_SIZE 96

typedef struct fake_device {
	char name[TEXT_SIZE];
	char uuid[TEXT_SIZE];
	unsigned long long total;
	unsigned long long used;
	unsigned int gpu_util;
	unsigned int memory_util;
} *nvmlDevice_t;

typedef struct {
	unsigned long long total;
	unsigned long long free;
	unsigned long long used;
} nvmlMemory_t;

typedef struct {
	unsigned int gpu;
	unsigned int memory;
} nvmlUtilization_t;

static struct fake_device devices[MAX_DEVICES];
static unsigned int device_count = 0;
static int init_count = 0;
static nvmlReturn_t init_failure = NVML_SUCCESS;
static nvmlReturn_t read_failure = NVML_SUCCESS;

/* ---- test controls ---- */

void fake_nvml_reset(void) {
	memset(devices, 0, sizeof(devices));
	device_count = 0;
	init_failure = NVML_SUCCESS;
	read_failure = NVML_SUCCESS;
}

int fake_nvml_set_device(int index, const char *name, unsigned long long total, unsigned long long used,
		unsigned int gpu_util) {
	if (index < 0 || index >= MAX_DEVICES || used > total) {
		return NVML_ERROR_INVALID_ARGUMENT;
	}
	struct fake_device *device = &devices[index];
	snprintf(device->name, TEXT_SIZE, "%s", name);
	snprintf(device->uuid, TEXT_SIZE, "GPU-fake-%d", index);
	device->total = total;
	device->used = used;
	device->gpu_util = gpu_util;
	device->memory_util = (total == 0) ? 0 : (unsigned int) ((used * 100) / total);
	if ((unsigned int) index >= device_count) {
		device_count = (unsigned int) index + 1;
	}
	return NVML_SUCCESS;
}

void fake_nvml_set_init_failure(int code) {
	init_failure = code;
}

void fake_nvml_set_read_failure(int code) {
	read_failure = code;
}

int fake_nvml_init_count(void) {
	return init_count;
}

/* ---- NVML ---- */

nvmlReturn_t nvmlInit_v2(void) {
	if (init_failure != NVML_SUCCESS) {
		return init_failure;
	}
	init_count++;
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlShutdown(void) {
	if (init_count == 0) {
		return NVML_ERROR_UNINITIALIZED;
	}
	init_count--;
	return NVML_SUCCESS;
}

const char *nvmlErrorString(nvmlReturn_t result) {
	switch (result) {
	case 0: return "Success";
	case 1: return "Uninitialized";
	case 2: return "Invalid Argument";
	case 3: return "Not Supported";
	case 4: return "Insufficient Permissions";
	case 6: return "Not Found";
	case 7: return "Insufficient Size";
	case 9: return "Driver Not Loaded";
	case 12: return "NVML Shared Library Not Found";
	case 15: return "GPU is lost";
	default: return "Unknown Error";
	}
}

static nvmlReturn_t check(nvmlDevice_t device) {
	if (init_count == 0) {
		return NVML_ERROR_UNINITIALIZED;
	}
	if (device < devices || device >= devices + device_count) {
		return NVML_ERROR_INVALID_ARGUMENT;
	}
	return read_failure;
}

static nvmlReturn_t copy_text(const char *text, char *buffer, unsigned int length) {
	if (buffer == NULL) {
		return NVML_ERROR_INVALID_ARGUMENT;
	}
	if (strlen(text) + 1 > length) {
		return NVML_ERROR_INSUFFICIENT_SIZE;
	}
	strcpy(buffer, text);
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
	if (init_count == 0) {
		return NVML_ERROR_UNINITIALIZED;
	}
	if (count == NULL) {
		return NVML_ERROR_INVALID_ARGUMENT;
	}
	*count = device_count;
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
	if (init_count == 0) {
		return NVML_ERROR_UNINITIALIZED;
	}
	if (device == NULL || index >= device_count) {
		return NVML_ERROR_INVALID_ARGUMENT;
	}
	*device = &devices[index];
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByUUID(const char *uuid, nvmlDevice_t *device) {
	if (init_count == 0) {
		return NVML_ERROR_UNINITIALIZED;
	}
	if (uuid == NULL || device == NULL) {
		return NVML_ERROR_INVALID_ARGUMENT;
	}
	for (unsigned int i = 0; i < device_count; i++) {
		if (strcmp(devices[i].uuid, uuid) == 0) {
			*device = &devices[i];
			return NVML_SUCCESS;
		}
	}
	return NVML_ERROR_NOT_FOUND;
}

nvmlReturn_t nvmlDeviceGetIndex(nvmlDevice_t device, unsigned int *index) {
	nvmlReturn_t result = check(device);
	if (result == NVML_SUCCESS) {
		*index = (unsigned int) (device - devices);
	}
	return result;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
	nvmlReturn_t result = check(device);
	return (result == NVML_SUCCESS) ? copy_text(device->name, name, length) : result;
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
	nvmlReturn_t result = check(device);
	return (result == NVML_SUCCESS) ? copy_text(device->uuid, uuid, length) : result;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory) {
	nvmlReturn_t result = check(device);
	if (result == NVML_SUCCESS) {
		memory->total = device->total;
		memory->used = device->used;
		memory->free = device->total - device->used;
	}
	return result;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization) {
	nvmlReturn_t result = check(device);
	if (result == NVML_SUCCESS) {
		utilization->gpu = device->gpu_util;
		utilization->memory = device->memory_util;
	}
	return result;
}
