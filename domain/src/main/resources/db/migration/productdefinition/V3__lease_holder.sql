-- Which instance holds a running work item's lease (its monitoring.instance name), for operators.
ALTER TABLE work_item ADD COLUMN lease_holder varchar(200);
